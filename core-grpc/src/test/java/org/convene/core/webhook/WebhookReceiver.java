package org.convene.core.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on loopback, over real HTTP: it records every request, and
 * answers 200 unless told otherwise for a path. Signatures are checked by the rules of the
 * Standard Webhooks specification, written out here rather than taken from Convene's code.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();

	private final Map<String, Integer> always = new ConcurrentHashMap<>();

	private final Map<String, String> locations = new ConcurrentHashMap<>();

	/** Holds the answers of held paths back until the receiver closes. */
	private final CountDownLatch closing = new CountDownLatch(1);

	private final Map<String, Boolean> held = new ConcurrentHashMap<>();

	record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

		String header(String name) {
			return this.headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.findFirst().map(entry -> entry.getValue().get(0)).orElse(null);
		}

		/** The first string value of a field of the body. */
		String field(String name) {
			return WebhookReceiver.field(this.body, name);
		}

	}

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	List<Received> received() {
		return this.received;
	}

	List<Received> received(String path) {
		return this.received.stream().filter(request -> request.path().equals(path)).toList();
	}

	/** The path answers these statuses to its next requests, then 200. */
	WebhookReceiver answers(String path, Integer... codes) {
		this.statuses.put(path, new ArrayDeque<>(Arrays.asList(codes)));
		return this;
	}

	/** The path answers this status to every request. */
	WebhookReceiver alwaysAnswers(String path, int code) {
		this.always.put(path, code);
		return this;
	}

	/** The path redirects elsewhere. */
	WebhookReceiver redirects(String path, String location) {
		this.locations.put(path, location);
		return answers(path, 302);
	}

	/** The path answers only when the receiver closes. */
	WebhookReceiver holds(String path) {
		this.held.put(path, true);
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
		if (this.held.containsKey(path)) {
			awaitQuietly(this.closing);
		}
		Deque<Integer> codes = this.statuses.get(path);
		Integer code = codes == null ? this.always.get(path) : codes.poll();
		if (code == null) {
			answer(exchange, 200, "ok");
		}
		else {
			if (this.locations.containsKey(path)) {
				exchange.getResponseHeaders().add("Location", this.locations.get(path));
			}
			answer(exchange, code, code >= 500 ? "x".repeat(10_000) : "");
		}
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
	}

	/** For each signature of the header: whether it is the secret's, per Standard Webhooks. */
	static List<Boolean> standardSignatures(Received delivery, String secret) {
		String signed = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + "." + delivery.body();
		String expected = Base64.getEncoder().encodeToString(hmac(secret, signed));
		return Arrays.stream(delivery.header("webhook-signature").split(" "))
			.map(signature -> signature.equals("v1," + expected))
			.toList();
	}

	static byte[] hmac(String secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String field(String body, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\": ?\"([^\"]*)\"").matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
