package org.convene.bench.registration;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A ticket rush through REST: {@code POST /api/v1/registrations}, each time for a new attendee
 * registered by the organizer, never joining the waiting list. An answer is right when it is
 * 201 with status CONFIRMED, or, once the seats are gone, 409 with error code SOLD_OUT.
 */
public class TicketRushRestSimulation extends Simulation {

	private final TicketRush rush = new TicketRush("REST");

	{
		HttpRequestActionBuilder register = http(this.rush::requestName).post("/api/v1/registrations")
			.header("Authorization", session -> this.rush.authorization())
			.body(StringBody(session -> "{\"eventId\":\"" + this.rush.eventId() + "\",\"ticketTypeId\":\""
					+ this.rush.ticketTypeId() + "\",\"attendee\":" + this.rush.nextAttendee() + ",\"joinWaitlist\":false}"))
			.check(status().in(201, 409))
			.checkIf((response, session) -> response.status().code() == 201)
			.then(jmesPath("status").is("CONFIRMED").saveAs(TicketRush.OUTCOME))
			.checkIf((response, session) -> response.status().code() == 409)
			.then(jmesPath("error.code").is("SOLD_OUT").saveAs(TicketRush.OUTCOME));
		setUp(this.rush.population(register)).protocols(this.rush.protocol())
			.assertions(this.rush.assertions())
			.maxDuration(this.rush.maxDuration());
	}

	@Override
	public void before() {
		this.rush.prepare();
	}

}
