package org.convene.core.event;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;

import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.SEAT_COUNTER;

/** Reads and writes event rows. */
@Repository
class EventRepository {

	private static final List<String> OPEN = List.of("DRAFT", "PUBLISHED");

	private final DSLContext db;

	EventRepository(DSLContext db) {
		this.db = db;
	}

	/** A new row with the column defaults already set, so it maps like a stored one. */
	EventRecord newRecord() {
		EventRecord event = this.db.newRecord(EVENT);
		event.setDescription("");
		event.setTags(new String[0]);
		event.setDetached(false);
		event.setRecurrenceExdates(new java.time.OffsetDateTime[0]);
		return event;
	}

	EventRecord find(UUID id) {
		return this.db.fetchOne(EVENT, EVENT.ID.eq(id));
	}

	EventRecord get(UUID id) {
		EventRecord event = this.db.fetchOne(EVENT, EVENT.ID.eq(id));
		if (event == null) {
			throw ApiException.notFound("event", id.toString(), "id");
		}
		return event;
	}

	/** Reads an event and locks it until the transaction ends. */
	EventRecord lock(UUID id) {
		EventRecord event = this.db.selectFrom(EVENT).where(EVENT.ID.eq(id)).forUpdate().fetchOne();
		if (event == null) {
			throw ApiException.notFound("event", id.toString(), "id");
		}
		return event;
	}

	/**
	 * The seats registrations of the event hold, locked so none are taken until the
	 * transaction ends; 0 before the event has a seat counter.
	 */
	int lockSeatsTaken(UUID id) {
		Integer taken = this.db.select(SEAT_COUNTER.TAKEN)
			.from(SEAT_COUNTER)
			.where(SEAT_COUNTER.ID.eq(id))
			.forUpdate()
			.fetchOne(SEAT_COUNTER.TAKEN);
		return taken == null ? 0 : taken;
	}

	List<EventRecord> findAll(Collection<UUID> ids) {
		return this.db.selectFrom(EVENT).where(EVENT.ID.in(ids)).fetch();
	}

	/** The draft or published occurrences of a series from an original start on, locked. */
	List<EventRecord> lockOpenOccurrences(UUID seriesId, Instant fromOriginalStart) {
		return this.db.selectFrom(EVENT)
			.where(EVENT.SERIES_ID.eq(seriesId))
			.and(EVENT.ORIGINAL_STARTS_AT.ge(fromOriginalStart))
			.and(EVENT.STATUS.in(OPEN))
			.orderBy(EVENT.ORIGINAL_STARTS_AT)
			.forUpdate()
			.fetch();
	}

	/** All occurrences of a series, whatever their status, locked. */
	List<EventRecord> lockAllOccurrences(UUID seriesId) {
		return this.db.selectFrom(EVENT)
			.where(EVENT.SERIES_ID.eq(seriesId))
			.orderBy(EVENT.ORIGINAL_STARTS_AT)
			.forUpdate()
			.fetch();
	}

	/** The draft or published sub-events of a parent, locked. */
	List<EventRecord> lockOpenSubEvents(UUID parentId) {
		return this.db.selectFrom(EVENT)
			.where(EVENT.PARENT_ID.eq(parentId))
			.and(EVENT.STATUS.in(OPEN))
			.orderBy(EVENT.STARTS_AT, EVENT.ID)
			.forUpdate()
			.fetch();
	}

	/** Earliest start and latest end among a parent's sub-events that are not cancelled. */
	Instant[] subEventSpan(UUID parentId) {
		var span = this.db.select(DSL.min(EVENT.STARTS_AT), DSL.max(EVENT.ENDS_AT))
			.from(EVENT)
			.where(EVENT.PARENT_ID.eq(parentId))
			.and(EVENT.STATUS.ne("CANCELLED"))
			.fetchOne();
		return span == null || span.value1() == null ? null : new Instant[] { span.value1(), span.value2() };
	}

	/** Up to {@code limit} sub-events per parent, by start time, plus one to tell if there are more. */
	Map<UUID, List<EventRecord>> subEvents(Collection<UUID> parentIds, int limit) {
		Field<Integer> rank = DSL.rowNumber()
			.over(DSL.partitionBy(EVENT.PARENT_ID).orderBy(EVENT.STARTS_AT, EVENT.ID))
			.as("rank");
		var ranked = this.db.select(EVENT.asterisk(), rank).from(EVENT).where(EVENT.PARENT_ID.in(parentIds)).asTable("ranked");
		Map<UUID, List<EventRecord>> byParent = new LinkedHashMap<>();
		parentIds.forEach(id -> byParent.put(id, new java.util.ArrayList<>()));
		this.db.select(ranked.fields(EVENT.fields()))
			.from(ranked)
			.where(ranked.field(rank).le(limit + 1))
			.orderBy(ranked.field(EVENT.PARENT_ID), ranked.field(rank))
			.fetchInto(EVENT)
			.forEach(row -> byParent.get(row.getParentId()).add(row));
		return byParent;
	}

	void insert(EventRecord event) {
		Instant now = EventRecords.now();
		event.setCreatedAt(now);
		event.setUpdatedAt(now);
		event.setVersion(1L);
		event.insert();
	}

	/** Writes the changed fields and moves the version on. */
	void update(EventRecord event) {
		event.setUpdatedAt(EventRecords.now());
		event.setVersion(event.getVersion() + 1);
		event.update();
	}

}
