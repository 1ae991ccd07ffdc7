package org.convene.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client speaking graphql-transport-ws by hand (JDK {@link WebSocket}), so
 * tests see exactly what a browser would: the messages, and the close code when refused.
 */
public final class GraphQlWebSocket implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebSocket socket;

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Map<String, Object>> acknowledged = new CompletableFuture<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final Map<String, BlockingQueue<Map<String, Object>>> messages = new ConcurrentHashMap<>();

	private GraphQlWebSocket(String url) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create(url), this)
			.join();
	}

	/** Connects to the GraphQL path of the gateway at {@code baseUrl} ("http://host:port"). */
	public static GraphQlWebSocket connect(String baseUrl) {
		return new GraphQlWebSocket(baseUrl.replaceFirst("^http", "ws") + "/graphql");
	}

	/** Sends {@code connection_init} with the payload; true when acknowledged, false when the server closed instead. */
	public boolean init(Map<String, Object> payload) throws Exception {
		send(Map.of("type", "connection_init", "payload", payload));
		CompletableFuture<Object> answer = CompletableFuture.anyOf(this.acknowledged, this.closed);
		return answer.get(10, TimeUnit.SECONDS) instanceof Map;
	}

	/** The close code the server ended the connection with. */
	public int closeCode() throws Exception {
		return this.closed.get(10, TimeUnit.SECONDS);
	}

	/** Starts an operation with the id. */
	public void subscribe(String id, String query, Map<String, Object> variables) {
		queue(id);
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
	}

	/** Ends an operation from the client's side. */
	public void complete(String id) {
		send(Map.of("id", id, "type", "complete"));
	}

	/** The next message of an operation ({@code next}, {@code error} or {@code complete}), within 15 s; null if none came. */
	public Map<String, Object> next(String id) throws InterruptedException {
		return queue(id).poll(15, TimeUnit.SECONDS);
	}

	/** The next message of an operation within the time; null if none came. */
	public Map<String, Object> next(String id, Duration within) throws InterruptedException {
		return queue(id).poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The next message of an operation if one is there now. */
	public Map<String, Object> poll(String id) {
		return queue(id).poll();
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> data(Map<String, Object> message, String field) {
		if (!"next".equals(message.get("type"))) {
			throw new AssertionError("Expected a next message, got " + message);
		}
		Map<String, Object> payload = (Map<String, Object>) message.get("payload");
		return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get(field);
	}

	@SuppressWarnings("unchecked")
	public static String errorCode(Map<String, Object> message) {
		if (!"error".equals(message.get("type"))) {
			throw new AssertionError("Expected an error message, got " + message);
		}
		List<Map<String, Object>> errors = (List<Map<String, Object>>) message.get("payload");
		return (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code");
	}

	private BlockingQueue<Map<String, Object>> queue(String id) {
		return this.messages.computeIfAbsent(id, key -> new LinkedBlockingQueue<>());
	}

	private void send(Map<String, Object> message) {
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	@Override
	@SuppressWarnings("unchecked")
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			Map<String, Object> message = JSON.readValue(this.partial.toString(), LinkedHashMap.class);
			this.partial.setLength(0);
			switch ((String) message.get("type")) {
				case "connection_ack" -> this.acknowledged.complete(message);
				case "ping" -> send(Map.of("type", "pong"));
				case "next", "error", "complete" -> queue((String) message.get("id")).add(message);
				default -> {
				}
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.completeExceptionally(error);
	}

	@Override
	public void close() {
		try {
			if (!this.socket.isOutputClosed() && !this.closed.isDone()) {
				this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			// Closed by the server meanwhile: nothing left to close politely.
		}
		finally {
			this.socket.abort();
		}
	}

}
