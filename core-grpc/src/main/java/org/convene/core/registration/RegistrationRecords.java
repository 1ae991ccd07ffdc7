package org.convene.core.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import org.jooq.JSONB;

import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.schema.core.tables.records.RegistrationRecord;

/** Turns stored registration rows into their API form, and answers into and out of JSON. */
public final class RegistrationRecords {

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private static final JsonFormat.Parser PARSER = JsonFormat.parser();

	private RegistrationRecords() {
	}

	/** Now, at the microsecond precision PostgreSQL stores, so written and read values are equal. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** The registration, without its ticket code; {@code waitlistPosition} counts only for WAITLISTED ones. */
	public static Registration toProto(RegistrationRecord row, int waitlistPosition) {
		Registration.Builder registration = Registration.newBuilder()
			.setId(row.getId().toString())
			.setEventId(row.getEventId().toString())
			.setTicketTypeId(row.getTicketTypeId().toString())
			.setAttendee(Attendee.newBuilder().setName(row.getAttendeeName()).setEmail(row.getAttendeeEmail()))
			.putAllAnswers(answers(row.getAnswers()))
			.setStatus(RegistrationStatus.valueOf(row.getStatus()))
			.setPrice(Money.newBuilder().setAmount(row.getPriceAmount()).setCurrency(row.getCurrency()))
			.setCreatedBy(row.getCreatedBy())
			.setVersion(row.getVersion())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()));
		if (row.getUserId() != null) {
			registration.setUserId(row.getUserId().toString());
		}
		if (RegistrationStatus.WAITLISTED.name().equals(row.getStatus())) {
			registration.setWaitlistPosition(waitlistPosition);
		}
		if (row.getCancellationReason() != null) {
			registration.setCancellationReason(row.getCancellationReason());
		}
		if (row.getHoldExpiresAt() != null) {
			registration.setHoldExpiresAt(ProtoTime.of(row.getHoldExpiresAt()));
		}
		if (row.getConfirmedAt() != null) {
			registration.setConfirmedAt(ProtoTime.of(row.getConfirmedAt()));
		}
		if (row.getCancelledAt() != null) {
			registration.setCancelledAt(ProtoTime.of(row.getCancelledAt()));
		}
		if (row.getCheckedInAt() != null) {
			registration.setCheckedInAt(ProtoTime.of(row.getCheckedInAt()));
		}
		return registration.build();
	}

	static JSONB answersJson(Map<String, String> answers) {
		Struct.Builder struct = Struct.newBuilder();
		new TreeMap<>(answers).forEach((key, value) -> struct.putFields(key, Value.newBuilder().setStringValue(value).build()));
		try {
			return JSONB.valueOf(JSON.print(struct));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> answers(JSONB json) {
		Struct.Builder struct = Struct.newBuilder();
		try {
			PARSER.merge(json.data(), struct);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored answers are not valid: " + json.data(), ex);
		}
		Map<String, String> answers = new TreeMap<>();
		struct.getFieldsMap().forEach((key, value) -> answers.put(key, value.getStringValue()));
		return answers;
	}

}
