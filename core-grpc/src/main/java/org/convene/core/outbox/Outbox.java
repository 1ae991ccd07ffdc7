package org.convene.core.outbox;

import java.util.List;
import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.JSONB;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.grpc.RequestContext;
import org.convene.schema.core.tables.records.OutboxRecord;

import static org.convene.schema.core.Tables.OUTBOX;

/**
 * Records domain events. Must be called inside the transaction of the change: a record
 * exists exactly when the change was committed.
 */
@Component
public class Outbox {

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private final DSLContext db;

	Outbox(DSLContext db) {
		this.db = db;
	}

	/**
	 * Records that something happened to an aggregate, caused by the call on this thread.
	 * @param type the event type, e.g. {@code event.published}
	 * @param aggregateType the kind of resource, e.g. {@code event}
	 * @param aggregateId the resource's id
	 * @param payload the resource as it is after the change, in its API form
	 * @return the domain event's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(String type, String aggregateType, UUID aggregateId, Message payload) {
		return record(new Entry(type, aggregateType, aggregateId, payload, Origin.current()));
	}

	/** Records one domain event whose origin is given explicitly, e.g. by work done on another thread. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(Entry entry) {
		recordAll(List.of(entry));
		return entry.eventId();
	}

	/** Records several domain events in one statement. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		InsertValuesStep7<OutboxRecord, UUID, String, String, UUID, JSONB, String, String> insert = this.db
			.insertInto(OUTBOX, OUTBOX.EVENT_ID, OUTBOX.EVENT_TYPE, OUTBOX.AGGREGATE_TYPE, OUTBOX.AGGREGATE_ID,
					OUTBOX.PAYLOAD, OUTBOX.CORRELATION_ID, OUTBOX.ACTOR);
		for (Entry entry : entries) {
			insert = insert.values(entry.eventId(), entry.type(), entry.aggregateType(), entry.aggregateId(),
					JSONB.valueOf(json(entry.payload())), entry.origin().correlationId(), entry.origin().actor());
		}
		insert.execute();
	}

	private static String json(Message payload) {
		try {
			return JSON.print(payload);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Cannot render " + payload.getDescriptorForType().getFullName(), ex);
		}
	}

	/**
	 * Who caused a domain event, and in which request.
	 *
	 * @param correlationId the correlation id of the request
	 * @param actor the caller as {@link org.convene.core.auth.Caller#describe()} renders it
	 */
	public record Origin(String correlationId, String actor) {

		/** The origin of the call on this thread. */
		public static Origin current() {
			RequestContext context = RequestContext.current();
			return new Origin(context.correlationId(), context.caller().describe());
		}

	}

	/**
	 * One domain event to record.
	 *
	 * @param eventId the domain event's id
	 * @param type the event type, e.g. {@code registration.created}
	 * @param aggregateType the kind of resource
	 * @param aggregateId the resource's id
	 * @param payload the resource after the change, in its API form
	 * @param origin who caused it, in which request
	 */
	public record Entry(UUID eventId, String type, String aggregateType, UUID aggregateId, Message payload,
			Origin origin) {

		public Entry(String type, String aggregateType, UUID aggregateId, Message payload, Origin origin) {
			this(UUID.randomUUID(), type, aggregateType, aggregateId, payload, origin);
		}

	}

}
