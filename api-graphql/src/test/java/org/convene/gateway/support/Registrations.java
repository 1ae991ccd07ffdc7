package org.convene.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Events with ticket types and registrations, set up over REST by the administration client,
 * for the gateway's registration and check-in tests.
 */
public final class Registrations {

	private static final Instant START = Instant.now().plus(45, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private final WebTestClient admin;

	public Registrations(WebTestClient admin) {
		this.admin = admin;
	}

	/** A published event; capacity null for unlimited. */
	public String publishedEvent(Integer capacity) {
		Map<String, Object> event = new LinkedHashMap<>(Json.event("Registrations " + UUID.randomUUID(), START));
		event.put("capacity", capacity);
		String id = (String) body(this.admin.post().uri("/api/v1/events"), event, 201).get("id");
		this.admin.post().uri("/api/v1/events/{id}/publish", id).exchange().expectStatus().isOk();
		return id;
	}

	/** A free ticket type of the event; quantity null for no limit of its own. */
	public String freeTicketType(String eventId, String name, Integer quantity) {
		Map<String, Object> type = new LinkedHashMap<>();
		type.put("name", name);
		type.put("price", Map.of("amount", 0, "currency", "EUR"));
		type.put("quantity", quantity);
		return (String) body(this.admin.post().uri("/api/v1/events/{id}/ticket-types", eventId), type, 201).get("id");
	}

	/** Registers a guest on the organizer's behalf; returns the answer's body. */
	public Map<String, Object> registerGuest(String eventId, String ticketTypeId, String name, boolean joinWaitlist) {
		return body(this.admin.post().uri("/api/v1/registrations"), guest(eventId, ticketTypeId, name, joinWaitlist), 201);
	}

	/** The body of a guest registration. */
	public static Map<String, Object> guest(String eventId, String ticketTypeId, String name, boolean joinWaitlist) {
		return Map.of("eventId", eventId, "ticketTypeId", ticketTypeId, "attendee",
				Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.test"),
				"joinWaitlist", joinWaitlist);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(WebTestClient.RequestBodySpec request, Object body, int status) {
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	/** The value at a dotted path of a JSON body, e.g. "attendee.name". */
	@SuppressWarnings("unchecked")
	public static Object at(Map<String, Object> body, String path) {
		Object value = body;
		for (String key : path.split("\\.")) {
			value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
		}
		return value;
	}

	public static List<?> list(Map<String, Object> body, String path) {
		return (List<?>) at(body, path);
	}

}
