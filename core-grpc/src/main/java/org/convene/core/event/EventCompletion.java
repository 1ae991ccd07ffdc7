package org.convene.core.event;

import java.time.Instant;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.outbox.Outbox;
import org.convene.schema.core.tables.records.EventRecord;

import static org.convene.schema.core.Tables.EVENT;

/**
 * Marks published events COMPLETED once they have ended. Safe on several replicas: each
 * run claims its rows with SKIP LOCKED.
 */
@Component
class EventCompletion {

	private static final Logger log = LoggerFactory.getLogger(EventCompletion.class);

	private static final int BATCH = 200;

	private final DSLContext db;

	private final Outbox outbox;

	EventCompletion(DSLContext db, Outbox outbox) {
		this.db = db;
		this.outbox = outbox;
	}

	@Scheduled(fixedDelayString = "${convene.events.completion-interval}", initialDelayString = "${convene.events.completion-interval}")
	@Transactional
	public void completeEndedEvents() {
		Instant now = EventRecords.now();
		var occurrence = EVENT.as("occurrence");
		// A series carries its first occurrence's times; it ends when none of its occurrences is still ahead.
		var ended = this.db.select(EVENT.ID)
			.from(EVENT)
			.where(EVENT.STATUS.eq("PUBLISHED"))
			.and(EVENT.KIND.ne("SERIES").and(EVENT.ENDS_AT.lt(now))
				.or(EVENT.KIND.eq("SERIES").andNotExists(this.db.selectOne()
					.from(occurrence)
					.where(occurrence.SERIES_ID.eq(EVENT.ID))
					.and(occurrence.STATUS.in("DRAFT", "PUBLISHED"))
					.and(occurrence.ENDS_AT.ge(now)))))
			.limit(BATCH)
			.forUpdate()
			.skipLocked();
		var completed = this.db.update(EVENT)
			.set(EVENT.STATUS, "COMPLETED")
			.set(EVENT.VERSION, EVENT.VERSION.plus(1))
			.set(EVENT.UPDATED_AT, now)
			.where(EVENT.ID.in(ended))
			.returning()
			.fetch();
		for (EventRecord event : completed) {
			this.outbox.record("event.updated", "event", event.getId(), EventRecords.toProto(event));
		}
		if (!completed.isEmpty()) {
			log.info("Marked {} ended events completed", completed.size());
		}
	}

}
