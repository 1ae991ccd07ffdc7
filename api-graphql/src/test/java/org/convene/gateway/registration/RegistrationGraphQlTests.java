package org.convene.gateway.registration;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Registrations;
import org.convene.gateway.support.TestBackends;

import static org.assertj.core.api.Assertions.assertThat;

/** Ticket types, registrations and check-in through GraphQL, over real HTTP against the real core. */
class RegistrationGraphQlTests extends GatewayIntegrationTest {

	private static final String REGISTER = """
			mutation($input: RegisterInput!) {
			  register(input: $input) {
			    __typename
			    ... on RegistrationResult { registration { id status attendee { name } answers { key value }
			        ticket { code pdfUrl } event { title } ticketType { name price { amount currency } } } }
			    ... on UserError { code message }
			  }
			}""";

	private Registrations fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new Registrations(this.http);
	}

	@Test
	void registersWithTheTicketTheEventAndTheTicketTypeInOneAnswer() {
		String event = this.fixtures.publishedEvent(5);
		String type = this.fixtures.freeTicketType(event, "Standard", null);

		var response = this.graphQl.document(REGISTER)
			.variable("input", Map.of("eventId", event, "ticketTypeId", type, "attendee",
					Map.of("name", "Ada Lovelace", "email", "ada-gql@example.test")))
			.execute();

		response.path("register.__typename").entity(String.class).isEqualTo("RegistrationResult")
			.path("register.registration.status").entity(String.class).isEqualTo("CONFIRMED")
			.path("register.registration.ticketType.name").entity(String.class).isEqualTo("Standard")
			.path("register.registration.ticketType.price.amount").entity(Long.class).isEqualTo(0L)
			.path("register.registration.event.title").entity(String.class).satisfies(title -> assertThat(title).startsWith("Registrations"));
		String code = response.path("register.registration.ticket.code").entity(String.class).get();
		this.graphQl.document("mutation($input: CheckInInput!) { checkIn(input: $input) { outcome registration { status } } }")
			.variable("input", Map.of("eventId", event, "code", code, "deviceId", "gate-1"))
			.execute()
			.path("checkIn.outcome").entity(String.class).isEqualTo("ADMITTED");
		this.graphQl.document("query($code: String!, $event: ID!) { ticketValidation(code: $code, eventId: $event) { state checkIn { deviceId } } }")
			.variable("code", code).variable("event", event)
			.execute()
			.path("ticketValidation.state").entity(String.class).isEqualTo("ALREADY_CHECKED_IN")
			.path("ticketValidation.checkIn.deviceId").entity(String.class).isEqualTo("gate-1");
	}

	@Test
	void answersSoldOutAsUnavailable() {
		String event = this.fixtures.publishedEvent(1);
		String type = this.fixtures.freeTicketType(event, "Standard", null);
		this.fixtures.registerGuest(event, type, "First", false);

		this.graphQl.document(REGISTER)
			.variable("input", Map.of("eventId", event, "ticketTypeId", type, "attendee", Map.of("name", "Second", "email",
					"second-gql@example.test")))
			.execute()
			.path("register.__typename").entity(String.class).isEqualTo("Unavailable")
			.path("register.code").entity(String.class).isEqualTo("SOLD_OUT");
	}

	@Test
	void showsTicketTypesAndStatisticsPerTicketType() {
		String event = this.fixtures.publishedEvent(10);
		String type = this.fixtures.freeTicketType(event, "Standard", 4);
		this.fixtures.registerGuest(event, type, "Ada Lovelace", false);

		this.graphQl.document("""
				query($id: ID!) { event(id: $id) {
				  ticketTypes { name quantity remaining }
				  statistics { confirmed checkInRate byTicketType { name confirmed remaining } revenueBooked { amount currency } }
				} }""")
			.variable("id", event)
			.execute()
			.path("event.ticketTypes[0].remaining").entity(Integer.class).isEqualTo(3)
			.path("event.statistics.byTicketType[0].confirmed").entity(Integer.class).isEqualTo(1)
			.path("event.statistics.checkInRate").entity(Double.class).isEqualTo(0.0);
	}

	@ParameterizedTest(name = "{0} registrations")
	@ValueSource(ints = { 2, 12 })
	void listsRegistrationsWithTheirEventTicketTypeAndUserInABoundedNumberOfCalls(int count) {
		String event = this.fixtures.publishedEvent(null);
		String type = this.fixtures.freeTicketType(event, "Standard", null);
		for (int i = 0; i < count; i++) {
			String user = TestBackends.get().newUser("Attendee " + i);
			this.http.post().uri("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("eventId", event, "ticketTypeId", type, "userId", user))
				.exchange().expectStatus().isCreated();
		}
		this.calls.reset();

		this.graphQl.document("""
				query($event: ID!) { registrations(eventId: $event, first: 100) {
				  nodes { status event { title } ticketType { name } user { displayName } ticket { code } } } }""")
			.variable("event", event)
			.execute()
			.path("registrations.nodes").entityList(Object.class).hasSize(count)
			.path("registrations.nodes[0].user.displayName").entity(String.class).satisfies(name -> assertThat(name).startsWith("Attendee"));

		assertThat(this.calls.byMethod()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"convene.registration.v1.RegistrationService/ListRegistrations", 1,
				"convene.core.v1.EventService/BatchGetEvents", 1,
				"convene.registration.v1.TicketTypeService/BatchGetTicketTypes", 1,
				"convene.core.v1.UserService/BatchGetUsers", 1));
	}

}
