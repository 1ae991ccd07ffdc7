package org.convene.bench.registration;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import org.convene.bench.platform.AdminApi;
import org.convene.bench.platform.BenchSettings;
import org.convene.bench.platform.SeatAudit;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * What both ticket rushes share, whatever door they register through: one published event
 * with one free ticket type, virtual users registering a new attendee each iteration until the
 * time is up, a count of CONFIRMED and SOLD_OUT answers, and, once every user has stopped, the
 * database check ({@link SeatAudit}) as a Gatling group that the assertions require to pass.
 */
final class TicketRush {

	/** Where a request's check saves CONFIRMED or SOLD_OUT. */
	static final String OUTCOME = "outcome";

	static final String CHECK_GROUP = "oversell check (database)";

	private final String door;

	private final BenchSettings settings = BenchSettings.load();

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong attendees = new AtomicLong();

	private final AtomicLong confirmed = new AtomicLong();

	private final AtomicLong soldOut = new AtomicLong();

	private final AtomicLong unexpected = new AtomicLong();

	private final AtomicLong lastConfirmedNanos = new AtomicLong();

	private volatile AdminApi api;

	private volatile SeatAudit audit;

	private volatile AdminApi.BenchEvent event;

	private volatile long startNanos;

	private volatile long deadlineNanos;

	TicketRush(String door) {
		this.door = door;
	}

	/** Before the run: the database must answer, then the event is created. */
	void prepare() {
		this.audit = SeatAudit.connect(this.settings);
		this.api = AdminApi.connect(this.settings);
		this.event = this.api.createPublishedEvent("Bench ticket rush " + this.door + " " + this.runId, this.settings.seats());
		System.out.printf("Ticket rush (%s): event %s, ticket type %s, %s%n", this.door, this.event.eventId(),
				this.event.ticketTypeId(), this.settings);
		this.startNanos = System.nanoTime();
		this.deadlineNanos = this.settings.deadlineNanos();
	}

	/** The users register until the deadline, then one more user runs the database check. */
	PopulationBuilder population(HttpRequestActionBuilder register) {
		ChainBuilder loop = asLongAs(session -> System.nanoTime() - this.deadlineNanos < 0)
			.on(exec(register).exec(this::count));
		PopulationBuilder load = scenario("ticket rush (" + this.door + ")").exec(loop)
			.injectOpen(this.settings.ramp().isZero() ? atOnceUsers(this.settings.users())
					: rampUsers(this.settings.users()).during(this.settings.ramp()));
		PopulationBuilder check = scenario("oversell check")
			.exec(group(CHECK_GROUP).on(exec(session -> verify() ? session : session.markAsFailed())))
			.injectOpen(atOnceUsers(1));
		return load.andThen(check);
	}

	HttpProtocolBuilder protocol() {
		return this.settings.jsonProtocol();
	}

	/** No more failed requests than allowed, and the database check passed. */
	Assertion[] assertions() {
		return new Assertion[] { global().failedRequests().percent().lte(this.settings.maxErrorPercent()),
				details(CHECK_GROUP).failedRequests().count().is(0L) };
	}

	Duration maxDuration() {
		return this.settings.maxDuration();
	}

	/**
	 * The request name: answers after the first SOLD_OUT are reported apart, as they cost less
	 * than registrations and would otherwise flatter the percentiles.
	 */
	String requestName(Session session) {
		return this.soldOut.get() == 0 ? "register" : "register (after sold out)";
	}

	String eventId() {
		return this.event.eventId();
	}

	String ticketTypeId() {
		return this.event.ticketTypeId();
	}

	String authorization() {
		return this.api.authorization();
	}

	/** A new attendee for every registration: {"name": ..., "email": ...} as JSON. */
	String nextAttendee() {
		long n = this.attendees.incrementAndGet();
		return "{\"name\":\"Bench Attendee " + n + "\",\"email\":\"bench-" + this.runId + "-" + n + "@example.com\"}";
	}

	private Session count(Session session) {
		String outcome = session.getString(OUTCOME);
		if ("CONFIRMED".equals(outcome)) {
			this.confirmed.incrementAndGet();
			this.lastConfirmedNanos.accumulateAndGet(System.nanoTime(), Math::max);
		}
		else if ("SOLD_OUT".equals(outcome)) {
			this.soldOut.incrementAndGet();
		}
		else {
			this.unexpected.incrementAndGet();
		}
		return session.remove(OUTCOME);
	}

	/** Prints the counts and the database's verdict; false when anything is wrong. */
	private boolean verify() {
		long end = System.nanoTime();
		long confirmedAnswers = this.confirmed.get();
		long selling = (confirmedAnswers == 0 ? end : this.lastConfirmedNanos.get()) - this.startNanos;
		SeatAudit.Result result;
		try {
			result = this.audit.check(this.event, confirmedAnswers, this.soldOut.get());
		}
		catch (RuntimeException ex) {
			System.out.println("Ticket rush (" + this.door + "): oversell check FAILED: " + ex.getMessage());
			return false;
		}
		System.out.printf(Locale.ROOT, """

				================ Ticket rush (%s) ================
				event %s, capacity %d, %s
				answers: CONFIRMED %d, SOLD_OUT %d, failed or unexpected %d
				confirmed registrations per second: %.1f while selling (%.1f s until the last confirmation), %.1f over the whole run (%.1f s)
				database: %s
				oversell check: %s
				==================================================%n""", this.door, this.event.eventId(),
				this.event.capacity(), this.settings, confirmedAnswers, this.soldOut.get(), this.unexpected.get(),
				perSecond(confirmedAnswers, selling), selling / 1e9, perSecond(confirmedAnswers, end - this.startNanos),
				(end - this.startNanos) / 1e9, result,
				result.violations().isEmpty() ? "PASSED" : "FAILED\n  - " + String.join("\n  - ", result.violations()));
		return result.violations().isEmpty();
	}

	private static double perSecond(long count, long nanos) {
		return nanos <= 0 ? 0 : count * 1e9 / nanos;
	}

}
