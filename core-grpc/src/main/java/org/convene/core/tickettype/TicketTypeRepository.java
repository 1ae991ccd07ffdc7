package org.convene.core.tickettype;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.TicketTypeRecord;

import static org.convene.schema.core.Tables.SEAT_COUNTER;
import static org.convene.schema.core.Tables.TICKET_TYPE;

/** Reads and writes ticket type rows and reads their seat counters. */
@Repository
class TicketTypeRepository {

	private final DSLContext db;

	TicketTypeRepository(DSLContext db) {
		this.db = db;
	}

	/** A new row with the column defaults already set, so it maps like a stored one. */
	TicketTypeRecord newRecord() {
		TicketTypeRecord row = this.db.newRecord(TICKET_TYPE);
		row.setDescription("");
		row.setMaxPerOrder(TicketTypeDrafts.DEFAULT_MAX_PER_ORDER);
		row.setMaxPerUser(0);
		row.setPosition(0);
		row.setQuestions(Questions.json(List.of()));
		return row;
	}

	TicketTypeRecord find(UUID id) {
		return this.db.fetchOne(TICKET_TYPE, TICKET_TYPE.ID.eq(id));
	}

	TicketTypeRecord lock(UUID id) {
		TicketTypeRecord row = this.db.selectFrom(TICKET_TYPE).where(TICKET_TYPE.ID.eq(id)).forUpdate().fetchOne();
		if (row == null) {
			throw ApiException.notFound("ticket type", id.toString(), "id");
		}
		return row;
	}

	List<TicketTypeRecord> ofEvent(UUID eventId) {
		return this.db.selectFrom(TICKET_TYPE)
			.where(TICKET_TYPE.EVENT_ID.eq(eventId))
			.orderBy(TICKET_TYPE.POSITION, TICKET_TYPE.CREATED_AT, TICKET_TYPE.ID)
			.fetch();
	}

	/** The ticket types of several events, each event's in display order. */
	List<TicketTypeRecord> ofEvents(Collection<UUID> eventIds) {
		return this.db.selectFrom(TICKET_TYPE)
			.where(TICKET_TYPE.EVENT_ID.in(eventIds))
			.orderBy(TICKET_TYPE.EVENT_ID, TICKET_TYPE.POSITION, TICKET_TYPE.CREATED_AT, TICKET_TYPE.ID)
			.fetch();
	}

	List<TicketTypeRecord> findAll(Collection<UUID> ids) {
		return this.db.selectFrom(TICKET_TYPE).where(TICKET_TYPE.ID.in(ids)).fetch();
	}

	/** Seats taken per ticket type. */
	Map<UUID, Integer> taken(List<UUID> ids) {
		return this.db.select(SEAT_COUNTER.ID, SEAT_COUNTER.TAKEN)
			.from(SEAT_COUNTER)
			.where(SEAT_COUNTER.ID.in(ids))
			.fetchMap(SEAT_COUNTER.ID, SEAT_COUNTER.TAKEN);
	}

	/**
	 * Seats taken of a ticket type, locked until the transaction ends. The event's counter
	 * is locked first: every transaction that takes or returns seats locks in that order.
	 */
	int lockTaken(UUID eventId, UUID ticketTypeId) {
		this.db.select(SEAT_COUNTER.ID).from(SEAT_COUNTER).where(SEAT_COUNTER.ID.eq(eventId)).forUpdate().fetch();
		Integer taken = this.db.select(SEAT_COUNTER.TAKEN)
			.from(SEAT_COUNTER)
			.where(SEAT_COUNTER.ID.eq(ticketTypeId))
			.forUpdate()
			.fetchOne(SEAT_COUNTER.TAKEN);
		return taken == null ? 0 : taken;
	}

	void insert(TicketTypeRecord row) {
		Instant now = now();
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		row.setVersion(1L);
		row.insert();
	}

	void update(TicketTypeRecord row) {
		row.setUpdatedAt(now());
		row.setVersion(row.getVersion() + 1);
		row.update();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
