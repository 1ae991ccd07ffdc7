package org.convene.bench.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads, straight from the database, what a ticket rush left behind, and names every way in
 * which it is wrong: more seats held than the capacity, a seat counter that disagrees with the
 * registrations, an attendee registered twice, a confirmation the database does not have, a
 * sold-out answer while seats were left.
 */
public final class SeatAudit {

	private static final String COUNTS = """
			SELECT (SELECT capacity FROM core.event WHERE id = ?) AS capacity,
			       (SELECT taken FROM core.seat_counter WHERE id = ?) AS event_taken,
			       (SELECT taken FROM core.seat_counter WHERE id = ?) AS ticket_type_taken,
			       count(*) FILTER (WHERE status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN')) AS holding,
			       count(*) FILTER (WHERE status = 'CONFIRMED') AS confirmed,
			       count(*) FILTER (WHERE status = 'WAITLISTED') AS waitlisted,
			       count(*) AS total
			FROM core.registration WHERE event_id = ?""";

	private static final String DUPLICATES = """
			SELECT email, n, count(*) OVER () AS emails
			FROM (SELECT lower(attendee_email) AS email, count(*) AS n FROM core.registration
			      WHERE event_id = ? GROUP BY 1 HAVING count(*) > 1) d
			ORDER BY n DESC, email LIMIT 3""";

	private final String url;

	private final String user;

	private final String password;

	private SeatAudit(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/** Checks before the load that the database is reachable, so that a run is not wasted. */
	public static SeatAudit connect(BenchSettings settings) {
		if (settings.databaseUrl() == null) {
			throw new IllegalStateException("The check after a ticket rush needs the platform's database: set "
					+ "CONVENE_BENCH_DATABASE_URL (or -Dbench.databaseUrl) to the JDBC URL ./mvnw -Prun prints as "
					+ "'Database', e.g. jdbc:postgresql://127.0.0.1:40745/convene");
		}
		SeatAudit audit = new SeatAudit(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
		try (Connection connection = audit.open(); PreparedStatement ping = connection.prepareStatement("SELECT count(*) FROM core.seat_counter")) {
			ping.executeQuery().close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot query core.seat_counter at " + settings.databaseUrl() + " as "
					+ settings.databaseUser() + ": " + ex.getMessage(), ex);
		}
		return audit;
	}

	/**
	 * @param confirmedAnswers CONFIRMED answers the load generator received
	 * @param soldOutAnswers SOLD_OUT answers it received
	 */
	public Result check(AdminApi.BenchEvent event, long confirmedAnswers, long soldOutAnswers) {
		UUID eventId = UUID.fromString(event.eventId());
		try (Connection connection = open()) {
			Result result;
			try (PreparedStatement counts = connection.prepareStatement(COUNTS)) {
				counts.setObject(1, eventId);
				counts.setObject(2, eventId);
				counts.setObject(3, UUID.fromString(event.ticketTypeId()));
				counts.setObject(4, eventId);
				try (ResultSet row = counts.executeQuery()) {
					row.next();
					result = new Result((Integer) row.getObject("capacity"), (Integer) row.getObject("event_taken"),
							(Integer) row.getObject("ticket_type_taken"), row.getLong("holding"), row.getLong("confirmed"),
							row.getLong("waitlisted"), row.getLong("total"), new ArrayList<>(), new ArrayList<>());
				}
			}
			try (PreparedStatement duplicates = connection.prepareStatement(DUPLICATES)) {
				duplicates.setObject(1, eventId);
				try (ResultSet row = duplicates.executeQuery()) {
					while (row.next()) {
						result.duplicates().add(row.getString("email") + " x" + row.getLong("n") + " (" + row.getLong("emails")
								+ " e-mail addresses registered more than once)");
					}
				}
			}
			result.findViolations(confirmedAnswers, soldOutAnswers);
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The check after the run could not read the database: " + ex.getMessage(), ex);
		}
	}

	private Connection open() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/**
	 * What the database holds for the event.
	 *
	 * @param capacity the event's capacity
	 * @param eventTaken core.seat_counter.taken of the event
	 * @param ticketTypeTaken core.seat_counter.taken of the ticket type (null if it has no counter)
	 * @param holding registrations holding a seat: pending payment, confirmed, checked in
	 * @param confirmed confirmed registrations
	 * @param waitlisted waitlisted registrations (none expected: the rush never joins the waiting list)
	 * @param total all registrations of the event
	 * @param duplicates e-mail addresses registered more than once (at most 3 shown)
	 * @param violations what is wrong; empty when all is well
	 */
	public record Result(Integer capacity, Integer eventTaken, Integer ticketTypeTaken, long holding, long confirmed,
			long waitlisted, long total, List<String> duplicates, List<String> violations) {

		void findViolations(long confirmedAnswers, long soldOutAnswers) {
			if (this.capacity == null || this.eventTaken == null) {
				this.violations.add("the event has no capacity or no seat counter (capacity=" + this.capacity
						+ ", seat_counter.taken=" + this.eventTaken + ")");
				return;
			}
			if (this.holding > this.capacity) {
				this.violations.add("OVERSOLD: " + this.holding + " registrations hold a seat, capacity is " + this.capacity);
			}
			if (this.holding != this.eventTaken) {
				this.violations.add("seat counter disagrees: core.seat_counter.taken=" + this.eventTaken + " but "
						+ this.holding + " registrations hold a seat");
			}
			if (!this.duplicates.isEmpty()) {
				this.violations.add("attendees registered more than once: " + String.join(", ", this.duplicates));
			}
			if (this.confirmed < confirmedAnswers) {
				this.violations.add("lost registrations: " + confirmedAnswers + " CONFIRMED answers but only "
						+ this.confirmed + " confirmed registrations in the database");
			}
			if (soldOutAnswers > 0 && this.holding < this.capacity) {
				this.violations.add("SOLD_OUT answered " + soldOutAnswers + " times, yet only " + this.holding + " of "
						+ this.capacity + " seats are taken");
			}
			if (this.waitlisted > 0) {
				this.violations.add(this.waitlisted + " WAITLISTED registrations although every request said joinWaitlist: false");
			}
		}

		@Override
		public String toString() {
			return "capacity=" + this.capacity + " seat_counter.taken=" + this.eventTaken + " holding a seat=" + this.holding
					+ " confirmed=" + this.confirmed + " waitlisted=" + this.waitlisted + " all registrations=" + this.total
					+ " ticket-type seat_counter.taken=" + this.ticketTypeTaken + " duplicate e-mails="
					+ (this.duplicates.isEmpty() ? "none" : this.duplicates);
		}

	}

}
