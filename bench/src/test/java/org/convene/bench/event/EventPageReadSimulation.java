package org.convene.bench.event;

import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import org.convene.bench.platform.AdminApi;
import org.convene.bench.platform.BenchSettings;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The event page, read anonymously as the public reads it: one GraphQL query for the event's
 * title, start, venue, registration figures and ticket types with their prices and remaining
 * seats. Reads a new event with one free ticket type, or the published event named by
 * {@code bench.eventId} (e.g. the one a ticket rush has just filled, so the figures are
 * counted over its registrations).
 */
public class EventPageReadSimulation extends Simulation {

	private static final String EVENT_PAGE = "query EventPage($id: ID!) { event(id: $id) { id title startsAt "
			+ "venue { name address { line1 city country } online { url } } "
			+ "statistics { confirmed capacityRemaining } "
			+ "ticketTypes { id name price { amount currency } remaining } } }";

	private final BenchSettings settings = BenchSettings.load();

	private volatile String eventId;

	private volatile long deadlineNanos;

	{
		HttpRequestActionBuilder read = http("event page").post("/graphql")
			.body(StringBody(session -> "{\"query\":\"" + EVENT_PAGE + "\",\"variables\":{\"id\":\"" + this.eventId + "\"}}"))
			.check(status().is(200), jmesPath("errors").notExists(), jmesPath("data.event.id").is(session -> this.eventId));
		ScenarioBuilder reader = scenario("event page")
			.exec(asLongAs(session -> System.nanoTime() - this.deadlineNanos < 0).on(exec(read)));
		setUp(reader.injectOpen(this.settings.ramp().isZero() ? atOnceUsers(this.settings.users())
				: rampUsers(this.settings.users()).during(this.settings.ramp())))
			.protocols(this.settings.jsonProtocol())
			.assertions(global().failedRequests().percent().lte(this.settings.maxErrorPercent()))
			.maxDuration(this.settings.maxDuration());
	}

	@Override
	public void before() {
		if (this.settings.eventId() != null) {
			this.eventId = UUID.fromString(this.settings.eventId()).toString();
		}
		else {
			this.eventId = AdminApi.connect(this.settings)
				.createPublishedEvent("Bench event page " + UUID.randomUUID().toString().substring(0, 8), this.settings.seats())
				.eventId();
		}
		System.out.printf("Event page reads: event %s, %s%n", this.eventId, this.settings);
		this.deadlineNanos = this.settings.deadlineNanos();
	}

}
