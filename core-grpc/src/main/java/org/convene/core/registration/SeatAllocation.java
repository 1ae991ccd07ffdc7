package org.convene.core.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.protobuf.Message;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.core.outbox.Outbox;
import org.convene.core.registration.RegistrationRepository.UserTicket;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.EVENT;

/**
 * Carries out a batch of orders for one event in one transaction: locks the event's seat
 * counters once, gives seats first come first served, inserts every registration and domain
 * event in one statement each, writes the counters back, and commits. Only the database
 * decides seats: the counters are locked rows, and their CHECK refuses overselling.
 */
@Component
class SeatAllocation {

	private static final Logger log = LoggerFactory.getLogger(SeatAllocation.class);

	private final DSLContext db;

	private final TransactionTemplate transactions;

	private final RegistrationRepository registrations;

	private final SeatCounters counters;

	private final Outbox outbox;

	private final RegistrationSettings settings;

	SeatAllocation(DSLContext db, TransactionTemplate transactions, RegistrationRepository registrations,
			SeatCounters counters, Outbox outbox, RegistrationSettings settings) {
		this.db = db;
		this.transactions = transactions;
		this.registrations = registrations;
		this.counters = counters;
		this.outbox = outbox;
		this.settings = settings;
	}

	/**
	 * Carries out the orders and completes each one's future; never throws. When the batch
	 * fails in the database, each order is tried again alone, so one bad order fails alone.
	 */
	void process(UUID eventId, List<Order> orders) {
		List<Order> live = new ArrayList<>();
		for (Order order : orders) {
			if (order.call().isCancelled()) {
				order.done().completeExceptionally(new ApiException(Refusals.abandoned()));
			}
			else {
				live.add(order);
			}
		}
		if (live.isEmpty()) {
			return;
		}
		Map<Order, Object> answers;
		try {
			answers = this.transactions.execute(status -> allocate(eventId, live));
		}
		catch (RuntimeException ex) {
			if (live.size() > 1) {
				log.warn("Registration batch of {} orders for event {} failed; trying each alone: {}", live.size(), eventId,
						ex.toString());
				live.forEach(order -> process(eventId, List.of(order)));
			}
			else {
				live.get(0).done().completeExceptionally(ex);
			}
			return;
		}
		log.debug("Event {}: {} requests carried out in one transaction", eventId, live.size());
		answers.forEach((order, answer) -> {
			if (answer instanceof Message message) {
				order.done().complete(message);
			}
			else {
				order.done().completeExceptionally((Throwable) answer);
			}
		});
	}

	private Map<Order, Object> allocate(UUID eventId, List<Order> orders) {
		String eventStatus = this.db.select(EVENT.STATUS).from(EVENT).where(EVENT.ID.eq(eventId)).forShare().fetchOne(EVENT.STATUS);
		List<Applicant> all = orders.stream().flatMap(order -> order.applicants().stream()).toList();
		Set<UUID> ticketTypes = all.stream().map(Applicant::ticketTypeId).collect(Collectors.toCollection(TreeSet::new));
		Seats seats = this.counters.lock(eventId, ticketTypes);
		Map<UserTicket, Integer> held = new HashMap<>(this.registrations.activeCounts(
				all.stream().filter(Applicant::limited).map(Applicant::ticketTypeId).collect(Collectors.toSet()),
				all.stream().filter(Applicant::limited).map(Applicant::userId).collect(Collectors.toSet())));
		Map<Order, List<Object>> decisions = new IdentityHashMap<>();
		for (Order order : orders) {
			decisions.put(order, "PUBLISHED".equals(eventStatus) ? decide(order, seats, held)
					: order.applicants().stream().map(a -> (Object) Refusals.notOpen(eventId.toString(), eventStatus)).toList());
		}
		Map<Applicant, Registration> created = write(eventId, orders, decisions);
		this.counters.write(seats);
		Map<Order, Object> answers = new IdentityHashMap<>();
		for (Order order : orders) {
			List<Outcome> outcomes = new ArrayList<>();
			Iterator<Object> decided = decisions.get(order).iterator();
			for (Applicant applicant : order.applicants()) {
				Object decision = decided.next();
				outcomes.add(decision instanceof ApiError error ? Outcome.failed(error) : Outcome.of(created.get(applicant)));
			}
			Message answer;
			try {
				answer = order.answer().apply(outcomes);
			}
			catch (ApiException ex) {
				answers.put(order, ex);
				continue;
			}
			// A hook that throws rolls the batch back; each order is then tried alone.
			order.hook().recordIn(this.db, answer);
			answers.put(order, answer);
		}
		return answers;
	}

	/** A status or an {@link ApiError} per applicant; an all-or-nothing order that fails takes no seat. */
	private List<Object> decide(Order order, Seats seats, Map<UserTicket, Integer> held) {
		Map<UUID, Integer> seatsBefore = seats.snapshot();
		Map<UserTicket, Integer> heldBefore = Map.copyOf(held);
		List<Object> decisions = new ArrayList<>();
		for (Applicant applicant : order.applicants()) {
			UserTicket key = new UserTicket(applicant.ticketTypeId(), applicant.userId());
			if (applicant.limited() && held.getOrDefault(key, 0) >= applicant.maxPerUser()) {
				decisions.add(Refusals.limitReached(applicant));
				continue;
			}
			if (seats.fits(applicant.ticketTypeId())) {
				seats.take(applicant.ticketTypeId());
				decisions.add(applicant.price() == 0 ? "CONFIRMED" : "PENDING_PAYMENT");
			}
			else if (applicant.joinWaitlist()) {
				decisions.add(RegistrationRepository.WAITLISTED);
			}
			else {
				decisions.add(Refusals.soldOut(applicant));
				continue;
			}
			if (applicant.limited()) {
				held.merge(key, 1, Integer::sum);
			}
		}
		List<Integer> failed = new ArrayList<>();
		for (int i = 0; i < decisions.size(); i++) {
			if (decisions.get(i) instanceof ApiError) {
				failed.add(i);
			}
		}
		if (!order.allOrNothing() || failed.isEmpty()) {
			return decisions;
		}
		seats.restore(seatsBefore);
		held.clear();
		held.putAll(heldBefore);
		ApiError notApplied = Refusals.notApplied(failed.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		return decisions.stream().map(decision -> decision instanceof ApiError ? decision : notApplied).toList();
	}

	/** Inserts the registrations decided and records their domain events. */
	private Map<Applicant, Registration> write(UUID eventId, List<Order> orders, Map<Order, List<Object>> decisions) {
		Instant now = RegistrationRecords.now();
		Instant holdUntil = now.plus(this.settings.hold()).truncatedTo(ChronoUnit.MICROS);
		long waiting = decisions.values().stream().flatMap(List::stream).filter(RegistrationRepository.WAITLISTED::equals).count();
		Iterator<Long> places = this.registrations.nextWaitlistPlaces((int) waiting).iterator();
		int position = waiting == 0 ? 0 : this.registrations.waitlistLength(eventId);
		List<RegistrationRecord> rows = new ArrayList<>();
		List<Outbox.Entry> entries = new ArrayList<>();
		Map<Applicant, Registration> created = new IdentityHashMap<>();
		for (Order order : orders) {
			Iterator<Object> decided = decisions.get(order).iterator();
			for (Applicant applicant : order.applicants()) {
				if (!(decided.next() instanceof String status)) {
					continue;
				}
				RegistrationRecord row = row(eventId, applicant, status, order.origin(), now);
				if ("PENDING_PAYMENT".equals(status)) {
					row.setHoldExpiresAt(holdUntil);
				}
				if ("CONFIRMED".equals(status)) {
					row.setConfirmedAt(now);
				}
				if (RegistrationRepository.WAITLISTED.equals(status)) {
					row.setWaitlistSeq(places.next());
					position++;
				}
				rows.add(row);
				Registration registration = RegistrationRecords.toProto(row, position);
				created.put(applicant, registration);
				entries.add(DomainEvents.entry(DomainEvents.CREATED, registration, order.origin()));
				if ("CONFIRMED".equals(status)) {
					entries.add(DomainEvents.entry(DomainEvents.CONFIRMED, registration, order.origin()));
				}
			}
		}
		this.registrations.insertAll(rows);
		this.outbox.recordAll(entries);
		return created;
	}

	private RegistrationRecord row(UUID eventId, Applicant applicant, String status, Outbox.Origin origin, Instant now) {
		RegistrationRecord row = this.registrations.newRecord();
		row.setId(applicant.id());
		row.setEventId(eventId);
		row.setTicketTypeId(applicant.ticketTypeId());
		row.setUserId(applicant.userId());
		row.setAttendeeName(applicant.name());
		row.setAttendeeEmail(applicant.email());
		row.setAnswers(applicant.answers());
		row.setStatus(status);
		row.setPriceAmount(applicant.price());
		row.setCurrency(applicant.currency());
		row.setCreatedBy(origin.actor());
		row.setVersion(1L);
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		return row;
	}

}
