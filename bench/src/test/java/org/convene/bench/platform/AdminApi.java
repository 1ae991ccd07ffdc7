package org.convene.bench.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform as its administrator sees it: an access token of the {@code convene-admin}
 * client (client credentials, fetched again before it expires), and the set-up of the event a
 * simulation works on, through the REST API.
 */
public final class AdminApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Fetch a new token this long before the current one expires; tokens live 5 minutes. */
	private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

	private final URI baseUrl;

	private final String clientId;

	private final String clientSecret;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile Token token;

	private AdminApi(URI baseUrl, String clientId, String clientSecret) {
		this.baseUrl = baseUrl;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * The admin client's credentials from {@code CONVENE_BOOTSTRAP_CLIENT_SECRET} (when the
	 * platform was started with it), else from the credentials file.
	 */
	public static AdminApi connect(BenchSettings settings) {
		String secret = System.getenv("CONVENE_BOOTSTRAP_CLIENT_SECRET");
		AdminApi api;
		if (secret != null && !secret.isBlank()) {
			api = new AdminApi(settings.baseUrl(), "convene-admin", secret.strip());
		}
		else {
			Properties credentials = readCredentials(settings.credentialsFile());
			api = new AdminApi(settings.baseUrl(), credentials.getProperty("client.id", "convene-admin"),
					credentials.getProperty("client.secret"));
		}
		api.fetchToken();
		return api;
	}

	/**
	 * The Authorization header value. Cheap: a token close to expiry is replaced in the
	 * background while the current one is still used.
	 */
	public String authorization() {
		Token current = this.token;
		long now = System.nanoTime();
		if (current == null || now - current.expiresAtNanos() >= 0) {
			current = fetchToken();
		}
		else if (now - current.refreshAtNanos() >= 0 && this.refreshing.compareAndSet(false, true)) {
			CompletableFuture.runAsync(() -> {
				try {
					fetchToken();
				}
				catch (RuntimeException ex) {
					System.err.println("Could not refresh the admin token (will retry): " + ex.getMessage());
				}
				finally {
					this.refreshing.set(false);
				}
			});
		}
		return "Bearer " + current.value();
	}

	/** Creates a published public event far in the future with a capacity and one free ticket type without a quantity. */
	public BenchEvent createPublishedEvent(String title, int capacity) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusYears(2).truncatedTo(ChronoUnit.HOURS);
		DateTimeFormatter rfc3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		JsonNode event = send("POST", "/api/v1/events", Map.of("title", title,
				"description", "Created by the Convene bench module for a load test.",
				"startsAt", rfc3339.format(start), "endsAt", rfc3339.format(start.plusHours(3)), "timeZone", "UTC",
				"venue", Map.of("name", "Bench Hall", "address", Map.of("line1", "Benchstrasse 1", "city", "Berlin", "country", "DE")),
				"capacity", capacity, "tags", List.of("bench")), 201);
		String eventId = uuid(event, "id");
		JsonNode ticketType = send("POST", "/api/v1/events/" + eventId + "/ticket-types", Map.of("name", "General admission",
				"description", "Free", "price", Map.of("amount", 0, "currency", "EUR")), 201);
		String ticketTypeId = uuid(ticketType, "id");
		send("POST", "/api/v1/events/" + eventId + "/publish", null, 200);
		return new BenchEvent(eventId, ticketTypeId, capacity);
	}

	private synchronized Token fetchToken() {
		Token current = this.token;
		if (current != null && System.nanoTime() - current.refreshAtNanos() < 0) {
			return current; // another thread has just fetched it
		}
		String basic = Base64.getEncoder()
			.encodeToString((this.clientId + ":" + this.clientSecret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		JsonNode answer = exchange(request, 200);
		long lifetime = answer.path("expires_in").asLong(300);
		long now = System.nanoTime();
		Token fresh = new Token(answer.path("access_token").asText(), now + Duration.ofSeconds(lifetime - 5).toNanos(),
				now + Duration.ofSeconds(Math.max(lifetime / 2, lifetime - REFRESH_MARGIN.toSeconds())).toNanos());
		this.token = fresh;
		return fresh;
	}

	/** Sends a request as the administrator and fails unless the answer has the expected status; answers its JSON. */
	public JsonNode send(String method, String path, Object body, int expectedStatus) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
				.header("Authorization", authorization())
				.header("Accept", "application/json");
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
			}
			return exchange(request.build(), expectedStatus);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode exchange(HttpRequest request, int expectedStatus) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException ex) {
			throw new IllegalStateException("Cannot reach " + this.baseUrl + ": is the platform running (./mvnw -Prun)? "
					+ "Set bench.baseUrl / CONVENE_BENCH_BASE_URL if it listens elsewhere.", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
					+ " (expected " + expectedStatus + "): " + response.body());
		}
		try {
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered no JSON: " + response.body(), ex);
		}
	}

	/** The id, checked to be a UUID so that it can go into request bodies as it is. */
	private static String uuid(JsonNode node, String field) {
		String value = node.path(field).asText();
		try {
			return UUID.fromString(value).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("expected a UUID in '" + field + "' of " + node);
		}
	}

	/** A relative path is looked for in the working directory and then in its parents (the repository root). */
	private static Properties readCredentials(Path file) {
		Path found = file;
		if (!file.isAbsolute()) {
			for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
				if (Files.isReadable(dir.resolve(file))) {
					found = dir.resolve(file);
					break;
				}
			}
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(found)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the admin client's credentials from " + file.toAbsolutePath()
					+ " (nor from a parent folder): start the platform once with ./mvnw -Prun, or set "
					+ "bench.credentials / CONVENE_BENCH_CREDENTIALS, or CONVENE_BOOTSTRAP_CLIENT_SECRET", ex);
		}
		if (properties.getProperty("client.secret", "").isBlank()) {
			throw new IllegalStateException(found + " holds no client.secret");
		}
		return properties;
	}

	private record Token(String value, long expiresAtNanos, long refreshAtNanos) {
	}

	/**
	 * @param eventId the published event
	 * @param ticketTypeId its free ticket type, limited only by the event's capacity
	 * @param capacity the event's capacity
	 */
	public record BenchEvent(String eventId, String ticketTypeId, int capacity) {
	}

}
