package org.convene.core.registration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Sequences.REGISTRATION_WAITLIST_SEQ;
import static org.convene.schema.core.Tables.REGISTRATION;

/** Reads and writes registration rows. */
@Repository
class RegistrationRepository {

	static final String WAITLISTED = "WAITLISTED";

	private final DSLContext db;

	RegistrationRepository(DSLContext db) {
		this.db = db;
	}

	RegistrationRecord newRecord() {
		return this.db.newRecord(REGISTRATION);
	}

	RegistrationRecord find(UUID id) {
		return this.db.fetchOne(REGISTRATION, REGISTRATION.ID.eq(id));
	}

	/** Reads a registration and locks it until the transaction ends. */
	RegistrationRecord lock(UUID id) {
		RegistrationRecord row = this.db.selectFrom(REGISTRATION).where(REGISTRATION.ID.eq(id)).forUpdate().fetchOne();
		if (row == null) {
			throw ApiException.notFound("registration", id.toString(), "id");
		}
		return row;
	}

	/** Inserts all rows in one statement. */
	void insertAll(List<RegistrationRecord> rows) {
		if (!rows.isEmpty()) {
			this.db.insertInto(REGISTRATION, REGISTRATION.fields()).valuesOfRecords(rows).execute();
		}
	}

	/** Writes the changed fields and moves the version on. */
	void update(RegistrationRecord row, Instant now) {
		row.setUpdatedAt(now);
		row.setVersion(row.getVersion() + 1);
		row.update();
	}

	/** Registrations per ticket type and user that are not cancelled. */
	Map<UserTicket, Integer> activeCounts(Collection<UUID> ticketTypeIds, Collection<UUID> userIds) {
		if (ticketTypeIds.isEmpty() || userIds.isEmpty()) {
			return Map.of();
		}
		return this.db.select(REGISTRATION.TICKET_TYPE_ID, REGISTRATION.USER_ID, DSL.count())
			.from(REGISTRATION)
			.where(REGISTRATION.TICKET_TYPE_ID.in(ticketTypeIds))
			.and(REGISTRATION.USER_ID.in(userIds))
			.and(REGISTRATION.STATUS.ne("CANCELLED"))
			.groupBy(REGISTRATION.TICKET_TYPE_ID, REGISTRATION.USER_ID)
			.fetchMap(row -> new UserTicket(row.value1(), row.value2()), row -> row.value3());
	}

	int waitlistLength(UUID eventId) {
		return this.db.fetchCount(REGISTRATION, REGISTRATION.EVENT_ID.eq(eventId).and(REGISTRATION.STATUS.eq(WAITLISTED)));
	}

	/** Waiting-list places for the next {@code count} registrations that wait, in order. */
	List<Long> nextWaitlistPlaces(int count) {
		return count == 0 ? List.of() : this.db.nextvals(REGISTRATION_WAITLIST_SEQ, count);
	}

	/** The position of each waitlisted registration among those: 1 for the next to be promoted. */
	Map<UUID, Integer> waitlistPositions(Collection<RegistrationRecord> rows) {
		List<UUID> waiting = rows.stream().filter(row -> WAITLISTED.equals(row.getStatus())).map(RegistrationRecord::getId).toList();
		if (waiting.isEmpty()) {
			return Map.of();
		}
		var ahead = REGISTRATION.as("ahead");
		return this.db.select(REGISTRATION.ID, DSL.field(this.db.selectCount()
				.from(ahead)
				.where(ahead.EVENT_ID.eq(REGISTRATION.EVENT_ID))
				.and(ahead.STATUS.eq(WAITLISTED))
				.and(ahead.WAITLIST_SEQ.le(REGISTRATION.WAITLIST_SEQ))))
			.from(REGISTRATION)
			.where(REGISTRATION.ID.in(waiting))
			.fetchMap(row -> row.value1(), row -> row.value2());
	}

	/** The next waitlisted registrations of an event after a place in the list, in order. */
	List<RegistrationRecord> waitlisted(UUID eventId, long afterPlace, int limit) {
		return this.db.selectFrom(REGISTRATION)
			.where(REGISTRATION.EVENT_ID.eq(eventId))
			.and(REGISTRATION.STATUS.eq(WAITLISTED))
			.and(REGISTRATION.WAITLIST_SEQ.gt(afterPlace))
			.orderBy(REGISTRATION.WAITLIST_SEQ)
			.limit(limit)
			.fetch();
	}

	/** Events with payment holds that ran out. */
	List<UUID> eventsWithExpiredHolds(Instant now, int limit) {
		return this.db.selectDistinct(REGISTRATION.EVENT_ID)
			.from(REGISTRATION)
			.where(REGISTRATION.STATUS.eq("PENDING_PAYMENT"))
			.and(REGISTRATION.HOLD_EXPIRES_AT.le(now))
			.limit(limit)
			.fetch(REGISTRATION.EVENT_ID);
	}

	/** An event's registrations that are not over yet (pending, confirmed, waitlisted), locked. */
	List<RegistrationRecord> lockOpen(UUID eventId) {
		return this.db.selectFrom(REGISTRATION)
			.where(REGISTRATION.EVENT_ID.eq(eventId))
			.and(REGISTRATION.STATUS.in("PENDING_PAYMENT", "CONFIRMED", WAITLISTED))
			.orderBy(REGISTRATION.ID)
			.forUpdate()
			.fetch();
	}

	/** An event's registrations whose hold ran out, locked; rows another replica is releasing are skipped. */
	List<RegistrationRecord> lockExpiredHolds(UUID eventId, Instant now, int limit) {
		return this.db.selectFrom(REGISTRATION)
			.where(REGISTRATION.EVENT_ID.eq(eventId))
			.and(REGISTRATION.STATUS.eq("PENDING_PAYMENT"))
			.and(REGISTRATION.HOLD_EXPIRES_AT.le(now))
			.orderBy(REGISTRATION.HOLD_EXPIRES_AT)
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.fetch();
	}

	/**
	 * A user's hold on one ticket type.
	 *
	 * @param ticketTypeId the ticket type
	 * @param userId the user
	 */
	record UserTicket(UUID ticketTypeId, UUID userId) {
	}

}
