package org.convene.core.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import org.convene.grpc.FieldViolation;

/**
 * Decides which URLs deliveries may go to: HTTPS only, and never to a host that resolves to
 * an address inside the platform's own network (loopback, private, link-local, which holds
 * the cloud metadata services, unique-local, carrier-grade NAT, unspecified, multicast), so a
 * subscription cannot turn Convene against its own infrastructure. The operator may allow
 * such targets for tests and local development.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookTargets {

	static final int MAX_URL = 2000;

	private final boolean allowInsecure;

	WebhookTargets(WebhookProperties properties) {
		this.allowInsecure = properties.allowInsecureTargets();
	}

	/** The URL, normalised, or a violation of {@code field} saying what is wrong with it. */
	String check(String url, String field, List<FieldViolation> violations) {
		String text = url.strip();
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			violations.add(new FieldViolation(field, "is not a URL"));
			return text;
		}
		if (text.length() > MAX_URL || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
				|| uri.getRawFragment() != null) {
			violations.add(new FieldViolation(field, "must be an absolute URL with a host, no user information and no "
					+ "fragment, at most " + MAX_URL + " characters"));
			return text;
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		if (!https && !(this.allowInsecure && "http".equalsIgnoreCase(uri.getScheme()))) {
			violations.add(new FieldViolation(field, "must be an https URL"));
			return text;
		}
		String refusal = this.allowInsecure ? null : refusal(uri.getHost());
		if (refusal != null) {
			violations.add(new FieldViolation(field, refusal));
		}
		return text;
	}

	/** Why deliveries may not go to the host, or null when they may. */
	static String refusal(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return "has a host that does not resolve: " + host;
		}
		for (InetAddress address : addresses) {
			if (isInternal(address)) {
				return "has a host on a loopback, private or link-local address (" + address.getHostAddress()
						+ "); deliveries go to public addresses only";
			}
		}
		return null;
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT
			return first == 0 || (first == 100 && second >= 64 && second <= 127);
		}
		// fc00::/7 unique-local; IPv4-mapped and -compatible addresses as their IPv4 address
		if ((bytes[0] & 0xfe) == 0xfc) {
			return true;
		}
		boolean mapped = true;
		for (int i = 0; i < 10; i++) {
			mapped &= bytes[i] == 0;
		}
		if (mapped && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
			try {
				return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
			}
			catch (UnknownHostException ex) {
				return true;
			}
		}
		return false;
	}

}
