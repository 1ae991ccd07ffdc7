package org.convene.gateway.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.gateway.support.BearerToken;
import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.GraphQlWebSocket;
import org.convene.gateway.support.Registrations;
import org.convene.gateway.support.TestBackends;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.gateway.support.GraphQlWebSocket.data;
import static org.convene.gateway.support.GraphQlWebSocket.errorCode;

/**
 * GraphQL subscriptions over a real WebSocket: changes made through REST and straight through
 * core's gRPC door both arrive; credentials come in connection_init and core's rules apply.
 */
class SubscriptionTests extends GatewayIntegrationTest {

	private static final String EVENT_CHANGED = "subscription($id: ID!) { eventChanged(id: $id) { type occurredAt event { id title version } } }";

	private static final String REGISTRATION_CHANGED = "subscription($eventId: ID!) { registrationChanged(eventId: $eventId) { type registration { id status event { id } attendee { name } } } }";

	private static final String CHECK_IN_COMPLETED = "subscription($eventId: ID!) { checkInCompleted(eventId: $eventId) { type registration { id status } } }";

	private static final String SESSION_CHANGED = "subscription($eventId: ID!) { sessionChanged(eventId: $eventId) { type occurredAt session { id title eventId status } } }";

	private Registrations registrations;

	private String eventId;

	private GraphQlWebSocket socket;

	private ManagedChannel core;

	@BeforeEach
	void event() {
		this.registrations = new Registrations(this.http);
		this.eventId = this.registrations.publishedEvent(null);
		this.socket = GraphQlWebSocket.connect(this.baseUrl);
		this.core = ManagedChannelBuilder.forAddress("127.0.0.1", TestBackends.get().coreGrpcPort()).usePlaintext().build();
	}

	@AfterEach
	void close() throws InterruptedException {
		this.socket.close();
		this.core.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void changesMadeThroughRestAndThroughGrpcArrive() throws Exception {
		assertThat(this.socket.init(Map.of("Authorization", "Bearer " + adminToken()))).isTrue();
		this.socket.subscribe("1", EVENT_CHANGED, Map.of("id", this.eventId));

		Map<String, Object> throughRest = firstChangeWhile("1",
				n -> this.http.patch().uri("/api/v1/events/{id}", this.eventId).contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("title", "Through REST " + n)).exchange().expectStatus().isOk());
		EventServiceGrpc.newBlockingStub(this.core).withCallCredentials(new BearerToken(adminToken()))
			.updateEvent(UpdateEventRequest.newBuilder().setId(this.eventId)
				.setEvent(EventDraft.newBuilder().setTitle("Through gRPC"))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());

		Map<String, Object> restChange = data(throughRest, "eventChanged");
		assertThat(restChange.get("type")).isEqualTo("event.updated");
		assertThat((String) ((Map<?, ?>) restChange.get("event")).get("title")).startsWith("Through REST ");
		assertThat(restChange.get("occurredAt")).isNotNull();
		Map<String, Object> grpcChange = data(nextChangeSkipping("1", "Through REST "), "eventChanged");
		assertThat(((Map<?, ?>) grpcChange.get("event")).get("title")).isEqualTo("Through gRPC");
	}

	@Test
	void registrationsMadeThroughRestAndThroughGrpcArriveToTheOrganizer() throws Exception {
		String type = this.registrations.freeTicketType(this.eventId, "Standard", null);
		assertThat(this.socket.init(Map.of("authToken", adminToken()))).isTrue();
		this.socket.subscribe("r", REGISTRATION_CHANGED, Map.of("eventId", this.eventId));

		Map<String, Object> first = firstChangeWhile("r",
				n -> this.registrations.registerGuest(this.eventId, type, "Rest Guest", false));
		RegistrationServiceGrpc.newBlockingStub(this.core).withCallCredentials(new BearerToken(adminToken()))
			.createRegistration(CreateRegistrationRequest.newBuilder().setEventId(this.eventId).setTicketTypeId(type)
				.setAttendee(Attendee.newBuilder().setName("Grpc Guest").setEmail("grpc-" + UUID.randomUUID() + "@example.test"))
				.build());

		assertThat(data(first, "registrationChanged").get("type")).isEqualTo("registration.created");
		List<Object> grpcTypes = new ArrayList<>();
		Map<?, ?> registration = null;
		while (grpcTypes.size() < 2) {
			Map<String, Object> message = this.socket.next("r");
			assertThat(message).as("the changes of the registration made through gRPC").isNotNull();
			Map<String, Object> change = data(message, "registrationChanged");
			registration = (Map<?, ?>) change.get("registration");
			if ("Grpc Guest".equals(((Map<?, ?>) registration.get("attendee")).get("name"))) {
				grpcTypes.add(change.get("type"));
			}
		}
		assertThat(grpcTypes).containsExactly("registration.created", "registration.confirmed");
		assertThat(registration.get("status")).isEqualTo("CONFIRMED");
		assertThat(((Map<?, ?>) registration.get("event")).get("id")).isEqualTo(this.eventId);
	}

	@Test
	void sessionChangesArriveToAnyoneWhoMaySeeTheEvent() throws Exception {
		Map<?, ?> event = this.http.get().uri("/api/v1/events/{id}", this.eventId).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> session = Map.of("title", "Opening", "startsAt", event.get("startsAt"), "endsAt", event.get("endsAt"));
		assertThat(this.socket.init(Map.of())).isTrue();
		this.socket.subscribe("s", SESSION_CHANGED, Map.of("eventId", this.eventId));

		Map<String, Object> created = firstChangeWhile("s", n -> this.http.post().uri("/api/v1/events/{id}/sessions", this.eventId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(session).exchange().expectStatus().isCreated());

		Map<String, Object> change = data(created, "sessionChanged");
		assertThat(change.get("type")).isEqualTo("session.created");
		assertThat(((Map<?, ?>) change.get("session")).get("title")).isEqualTo("Opening");
		assertThat(((Map<?, ?>) change.get("session")).get("eventId")).isEqualTo(this.eventId);
	}

	@Test
	void checkInsArriveToTheOrganizer() throws Exception {
		String type = this.registrations.freeTicketType(this.eventId, "Standard", null);
		assertThat(this.socket.init(Map.of("Authorization", "Bearer " + adminToken()))).isTrue();
		this.socket.subscribe("c", CHECK_IN_COMPLETED, Map.of("eventId", this.eventId));

		Map<String, Object> admitted = firstChangeWhile("c", n -> {
			String registration = (String) this.registrations.registerGuest(this.eventId, type, "Door Guest", false).get("id");
			String code = (String) this.http.get().uri("/api/v1/registrations/{id}/ticket", registration).exchange()
				.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("code");
			this.http.post().uri("/api/v1/events/{id}/check-ins", this.eventId).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("code", code, "deviceId", "gate-1")).exchange().expectStatus().is2xxSuccessful();
		});

		Map<String, Object> change = data(admitted, "checkInCompleted");
		assertThat(change.get("type")).isEqualTo("checkin.completed");
		assertThat(((Map<?, ?>) change.get("registration")).get("status")).isEqualTo("CHECKED_IN");
	}

	@Test
	void aCallerWhoMayNotReadTheRegistrationsGetsAnError() throws Exception {
		String partner = partnerToken("events:read registrations:read");
		assertThat(this.socket.init(Map.of("Authorization", "Bearer " + partner))).isTrue();

		this.socket.subscribe("r", REGISTRATION_CHANGED, Map.of("eventId", this.eventId));

		assertThat(errorCode(this.socket.next("r"))).isEqualTo("PERMISSION_DENIED");
	}

	@Test
	void anInvalidIdGetsAnError() throws Exception {
		assertThat(this.socket.init(Map.of())).isTrue();

		this.socket.subscribe("e", EVENT_CHANGED, Map.of("id", "not-a-uuid"));

		assertThat(errorCode(this.socket.next("e"))).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void refusesAConnectionWithAnInvalidToken() throws Exception {
		boolean acknowledged = this.socket.init(Map.of("Authorization", "Bearer not-a-token"));

		assertThat(acknowledged).isFalse();
		assertThat(this.socket.closeCode()).isEqualTo(4403);
	}

	@Test
	void refusesAConnectionWithAnUnknownApiKey() throws Exception {
		boolean acknowledged = this.socket.init(Map.of("X-API-Key", "cvk_unknown"));

		assertThat(acknowledged).isFalse();
		assertThat(this.socket.closeCode()).isEqualTo(4403);
	}

	/**
	 * Makes a change again and again until the subscription delivers one: the subscription
	 * starts asynchronously, and only changes committed after it started arrive.
	 */
	private Map<String, Object> firstChangeWhile(String id, IntConsumer change) {
		AtomicInteger attempt = new AtomicInteger();
		AtomicReference<Map<String, Object>> received = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
			change.accept(attempt.incrementAndGet());
			received.set(this.socket.poll(id));
			return received.get() != null;
		});
		return received.get();
	}

	/** The next change whose event title does not start with the prefix (later attempts of a loop above). */
	private Map<String, Object> nextChangeSkipping(String id, String titlePrefix) throws InterruptedException {
		while (true) {
			Map<String, Object> message = this.socket.next(id);
			assertThat(message).as("a further change").isNotNull();
			Object title = ((Map<?, ?>) data(message, "eventChanged").get("event")).get("title");
			if (!String.valueOf(title).startsWith(titlePrefix)) {
				return message;
			}
		}
	}

	private String partnerToken(String scopes) {
		String clientId = "subscriber-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = this.http.post().uri("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("clientId", clientId, "name", "Partner", "type", "CONFIDENTIAL", "grantTypes",
					List.of("client_credentials"), "scopes", List.of(scopes.split(" "))))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return clientCredentialsToken(clientId, (String) created.get("clientSecret"), scopes);
	}

}
