package org.convene.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs deliveries to endpoints, each one unable to harm the platform or the other
 * endpoints: the addresses a host resolves to are checked when connecting (a name that
 * resolved to a public address at registration cannot be re-pointed inside), redirects are
 * not followed, connecting and answering have time limits, at most 4 connections go to one
 * endpoint, and only the first kilobyte of an answer is read. Deliveries leave from the
 * source address the operator pins, if any.
 */
@Component
class WebhookClient implements DisposableBean {

	static final int EXCERPT = 1024;

	private final CloseableHttpClient http;

	WebhookClient(WebhookProperties properties) {
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout response = Timeout.of(properties.responseTimeout());
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(properties.allowInsecureTargets() ? SystemDefaultDnsResolver.INSTANCE : new PublicAddresses())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(response).build())
				.setMaxConnPerRoute(4)
				.setMaxConnTotal(200)
				.build())
			.setRoutePlanner(new SourceAddress(properties.sourceAddress()))
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableContentCompression()
			.setUserAgent("Convene-Webhooks/1.0")
			.build();
	}

	/**
	 * What the endpoint answered, or why nothing was answered.
	 *
	 * @param retryAfter how long the endpoint asked us to wait ({@code Retry-After} in seconds), or null
	 */
	record Answer(int statusCode, String excerpt, String error, int latencyMs, Duration retryAfter) {

		boolean succeeded() {
			return this.statusCode >= 200 && this.statusCode < 300;
		}

		/** 410: the endpoint says it is gone for good. */
		boolean gone() {
			return this.statusCode == 410;
		}

	}

	Answer post(String url, Map<String, String> headers, String body) {
		long start = System.nanoTime();
		HttpPost post = new HttpPost(url);
		headers.forEach(post::setHeader);
		post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		// Closing the answer without reading it all drops the connection rather than draining a hostile body.
		try (CloseableHttpResponse response = this.http.execute(post)) {
			String excerpt = response.getEntity() == null ? "" : excerpt(response.getEntity().getContent());
			int code = response.getCode();
			return new Answer(code, excerpt, code >= 300 && code < 400 ? "Redirects are not followed" : null, millis(start),
					retryAfter(response.getFirstHeader("Retry-After")));
		}
		catch (IOException ex) {
			return new Answer(0, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), millis(start), null);
		}
	}

	/** Seconds only; the HTTP-date form is rare from webhook receivers and is ignored. */
	private static Duration retryAfter(Header header) {
		if (header == null || !header.getValue().strip().matches("\\d{1,9}")) {
			return null;
		}
		return Duration.ofSeconds(Long.parseLong(header.getValue().strip()));
	}

	private static String excerpt(InputStream body) throws IOException {
		String text = new String(body.readNBytes(EXCERPT * 4), StandardCharsets.UTF_8);
		return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
	}

	private static int millis(long start) {
		return (int) ((System.nanoTime() - start) / 1_000_000);
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

	/** Connects from the pinned source address, or from the system's choice when none is pinned. */
	static final class SourceAddress extends DefaultRoutePlanner {

		private final InetAddress address;

		SourceAddress(InetAddress address) {
			super(DefaultSchemePortResolver.INSTANCE);
			this.address = address;
		}

		@Override
		protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
			return this.address;
		}

	}

	/** Resolves as the system does, and refuses a host with any address inside the platform's network. */
	static final class PublicAddresses implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
			for (InetAddress address : addresses) {
				if (WebhookTargets.isInternal(address)) {
					throw new UnknownHostException(host + " resolves to " + address.getHostAddress()
							+ ", an address deliveries never go to");
				}
			}
			return addresses;
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
		}

	}

}
