package org.convene.core.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;

import org.convene.core.outbox.Outbox;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.REGISTRATION;

/**
 * Gives freed seats to the waiting list: first come, first served, each to the earliest
 * waitlisted registration whose ticket type has room. Free ones are confirmed, paid ones
 * get a new payment hold.
 */
@Component
class Waitlist {

	private static final int PAGE = 100;

	private final DSLContext db;

	private final RegistrationRepository registrations;

	private final Outbox outbox;

	private final RegistrationSettings settings;

	Waitlist(DSLContext db, RegistrationRepository registrations, Outbox outbox, RegistrationSettings settings) {
		this.db = db;
		this.registrations = registrations;
		this.outbox = outbox;
		this.settings = settings;
	}

	/**
	 * Promotes while seats are free; the caller holds the event's counters ({@code seats},
	 * from {@link SeatCounters#lockAll}) and writes them afterwards.
	 */
	List<Registration> promote(UUID eventId, Seats seats, Outbox.Origin origin) {
		Instant now = RegistrationRecords.now();
		List<Registration> promoted = new ArrayList<>();
		List<Outbox.Entry> entries = new ArrayList<>();
		long after = 0;
		while (!seats.eventFull()) {
			List<RegistrationRecord> page = this.registrations.waitlisted(eventId, after, PAGE);
			for (RegistrationRecord candidate : page) {
				after = candidate.getWaitlistSeq();
				if (seats.eventFull()) {
					break;
				}
				if (seats.fits(candidate.getTicketTypeId())) {
					RegistrationRecord row = claim(candidate, now);
					if (row != null) {
						seats.take(row.getTicketTypeId());
						Registration registration = RegistrationRecords.toProto(row, 0);
						promoted.add(registration);
						entries.add(DomainEvents.entry(DomainEvents.PROMOTED, registration, origin));
						if (row.getConfirmedAt() != null) {
							entries.add(DomainEvents.entry(DomainEvents.CONFIRMED, registration, origin));
						}
					}
				}
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		this.outbox.recordAll(entries);
		return promoted;
	}

	/** Takes the registration off the waiting list unless it left it meanwhile (cancelled). */
	private RegistrationRecord claim(RegistrationRecord candidate, Instant now) {
		boolean free = candidate.getPriceAmount() == 0;
		return this.db.update(REGISTRATION)
			.set(REGISTRATION.STATUS, free ? "CONFIRMED" : "PENDING_PAYMENT")
			.set(REGISTRATION.WAITLIST_SEQ, (Long) null)
			.set(REGISTRATION.CONFIRMED_AT, free ? now : null)
			.set(REGISTRATION.HOLD_EXPIRES_AT, free ? null : now.plus(this.settings.hold()).truncatedTo(ChronoUnit.MICROS))
			.set(REGISTRATION.VERSION, REGISTRATION.VERSION.plus(1))
			.set(REGISTRATION.UPDATED_AT, now)
			.where(REGISTRATION.ID.eq(candidate.getId()))
			.and(REGISTRATION.STATUS.eq(RegistrationRepository.WAITLISTED))
			.returning()
			.fetchOne();
	}

}
