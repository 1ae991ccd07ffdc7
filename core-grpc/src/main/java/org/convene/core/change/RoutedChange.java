package org.convene.core.change;

import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.OutboxRecord;
import org.convene.session.v1.proto.Session;

/**
 * An outbox row as a {@link Change}, with the topic and event it belongs to. The payload was
 * rendered from the same messages with {@code JsonFormat}, so it parses back into them.
 *
 * @param topic the topic whose streams receive it
 * @param eventId the event it belongs to
 * @param change what the streams send
 */
record RoutedChange(ChangeTopic topic, UUID eventId, Change change) {

	private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

	/** The change of an outbox row, or {@code null} when no topic streams rows of its type. */
	static RoutedChange of(OutboxRecord row) {
		Change.Builder change = Change.newBuilder()
			.setId(row.getEventId().toString())
			.setType(row.getEventType())
			.setOccurredAt(ProtoTime.of(row.getOccurredAt()))
			.setAggregateId(row.getAggregateId().toString());
		String type = row.getEventType();
		if (type.startsWith("event.")) {
			Event event = parse(row, Event.newBuilder()).build();
			return new RoutedChange(ChangeTopic.EVENT, row.getAggregateId(), change.setEvent(event).build());
		}
		if (type.startsWith("session.")) {
			Session session = parse(row, Session.newBuilder()).build();
			return new RoutedChange(ChangeTopic.SESSIONS, UUID.fromString(session.getEventId()),
					change.setSession(session).build());
		}
		ChangeTopic topic = type.equals("checkin.completed") ? ChangeTopic.CHECK_INS
				: type.startsWith("registration.") ? ChangeTopic.REGISTRATIONS : null;
		if (topic == null) {
			return null;
		}
		Registration registration = parse(row, Registration.newBuilder()).build();
		return new RoutedChange(topic, UUID.fromString(registration.getEventId()),
				change.setRegistration(registration).build());
	}

	private static <B extends com.google.protobuf.Message.Builder> B parse(OutboxRecord row, B builder) {
		try {
			JSON.merge(row.getPayload().data(), builder);
			return builder;
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Outbox row " + row.getId() + " does not hold a " + row.getEventType(), ex);
		}
	}

}
