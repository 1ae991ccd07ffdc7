package org.convene.bench.registration;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A ticket rush through GraphQL: the {@code register} mutation, each time for a new attendee
 * registered by the organizer (attendee given, no userId), never joining the waiting list. An
 * answer is right when it is a CONFIRMED {@code RegistrationResult}, or, once the seats are
 * gone, an {@code Unavailable} with code SOLD_OUT.
 */
public class TicketRushGraphQlSimulation extends Simulation {

	private static final String REGISTER = "mutation Register($input: RegisterInput!) { register(input: $input) { "
			+ "__typename ... on RegistrationResult { registration { id status } } ... on UserError { code message } } }";

	private final TicketRush rush = new TicketRush("GraphQL");

	{
		HttpRequestActionBuilder register = http(this.rush::requestName).post("/graphql")
			.header("Authorization", session -> this.rush.authorization())
			.body(StringBody(session -> "{\"query\":\"" + REGISTER + "\",\"variables\":{\"input\":{\"eventId\":\""
					+ this.rush.eventId() + "\",\"ticketTypeId\":\"" + this.rush.ticketTypeId() + "\",\"attendee\":"
					+ this.rush.nextAttendee() + ",\"joinWaitlist\":false}}}"))
			.check(status().is(200), jmesPath("errors").notExists(),
					jmesPath("join(':', [data.register.__typename || '-', data.register.registration.status || data.register.code || '-'])")
						.transform(answer -> switch (answer) {
							case "RegistrationResult:CONFIRMED" -> "CONFIRMED";
							case "Unavailable:SOLD_OUT" -> "SOLD_OUT";
							default -> "unexpected answer " + answer;
						})
						.in("CONFIRMED", "SOLD_OUT")
						.saveAs(TicketRush.OUTCOME));
		setUp(this.rush.population(register)).protocols(this.rush.protocol())
			.assertions(this.rush.assertions())
			.maxDuration(this.rush.maxDuration());
	}

	@Override
	public void before() {
		this.rush.prepare();
	}

}
