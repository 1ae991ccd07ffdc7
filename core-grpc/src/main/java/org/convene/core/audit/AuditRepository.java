package org.convene.core.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static org.convene.schema.core.Tables.AUDIT_LOG;
import static org.convene.schema.core.Tables.OUTBOX;

/** Writes and reads audit records. */
@Repository
class AuditRepository {

	private final DSLContext db;

	AuditRepository(DSLContext db) {
		this.db = db;
	}

	void insert(List<Entry> entries) {
		var insert = this.db.insertInto(AUDIT_LOG, AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.ACTOR, AUDIT_LOG.CLIENT_ID,
				AUDIT_LOG.OPERATION, AUDIT_LOG.OUTCOME, AUDIT_LOG.CLIENT_ADDRESS, AUDIT_LOG.CORRELATION_ID,
				AUDIT_LOG.DURATION_MS);
		for (Entry entry : entries) {
			insert = insert.values(entry.at(), entry.actor(), entry.clientId(), entry.operation(), entry.outcome(),
					entry.clientAddress(), entry.correlationId(), entry.durationMillis());
		}
		insert.execute();
	}

	/** Up to {@code limit} records matching, with ids below {@code beforeId} (0: from the newest). */
	List<Record> page(Condition filter, long beforeId, int limit) {
		Condition where = beforeId > 0 ? filter.and(AUDIT_LOG.ID.lt(beforeId)) : filter;
		return List.copyOf(this.db.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.ID.desc()).limit(limit).fetch());
	}

	/** The outbox changes made under each correlation id. */
	Map<String, List<Record>> changes(Collection<String> correlationIds) {
		if (correlationIds.isEmpty()) {
			return Map.of();
		}
		return this.db.select(OUTBOX.CORRELATION_ID, OUTBOX.EVENT_TYPE, OUTBOX.AGGREGATE_TYPE, OUTBOX.AGGREGATE_ID)
			.from(OUTBOX)
			.where(OUTBOX.CORRELATION_ID.in(correlationIds))
			.orderBy(OUTBOX.ID)
			.limit(DSL.inline(10_000))
			.fetch()
			.stream()
			.collect(Collectors.groupingBy(r -> r.get(OUTBOX.CORRELATION_ID), Collectors.toList()));
	}

	/**
	 * A record to write.
	 *
	 * @param at when the call started
	 * @param actor who made it
	 * @param clientId through which client, or null
	 * @param operation what
	 * @param outcome OK or the error code
	 * @param clientAddress from where
	 * @param correlationId the correlation id
	 * @param durationMillis how long it took
	 */
	record Entry(Instant at, String actor, String clientId, String operation, String outcome, String clientAddress,
			String correlationId, int durationMillis) {
	}

}
