package org.convene.core.outbox;

import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.grpc.RequestContext;

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
	 * Records that something happened to an aggregate.
	 * @param type the event type, e.g. {@code event.published}
	 * @param aggregateType the kind of resource, e.g. {@code event}
	 * @param aggregateId the resource's id
	 * @param payload the resource as it is after the change, in its API form
	 * @return the domain event's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(String type, String aggregateType, UUID aggregateId, Message payload) {
		RequestContext context = RequestContext.current();
		UUID id = UUID.randomUUID();
		this.db.insertInto(OUTBOX)
			.set(OUTBOX.EVENT_ID, id)
			.set(OUTBOX.EVENT_TYPE, type)
			.set(OUTBOX.AGGREGATE_TYPE, aggregateType)
			.set(OUTBOX.AGGREGATE_ID, aggregateId)
			.set(OUTBOX.PAYLOAD, JSONB.valueOf(json(payload)))
			.set(OUTBOX.CORRELATION_ID, context.correlationId())
			.set(OUTBOX.ACTOR, context.caller().describe())
			.execute();
		return id;
	}

	private static String json(Message payload) {
		try {
			return JSON.print(payload);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Cannot render " + payload.getDescriptorForType().getFullName(), ex);
		}
	}

}
