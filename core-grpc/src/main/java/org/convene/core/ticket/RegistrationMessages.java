package org.convene.core.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import org.springframework.stereotype.Component;

import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.schema.core.tables.records.RegistrationRecord;

/**
 * Registration rows in their API form, for the answers of tickets and check-in. A stand-in
 * until the registrations feature offers its own mapping: it leaves waitlist_position unset
 * (a waitlisted registration has no ticket, so none passes through here). The ticket code is
 * included: tickets and check-in answer only the attendee and the event's organizer.
 */
@Component
public class RegistrationMessages {

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private final TicketCodes codes;

	RegistrationMessages(TicketCodes codes) {
		this.codes = codes;
	}

	public Registration toProto(RegistrationRecord row) {
		Registration.Builder registration = Registration.newBuilder()
			.setId(row.getId().toString())
			.setEventId(row.getEventId().toString())
			.setTicketTypeId(row.getTicketTypeId().toString())
			.setAttendee(Attendee.newBuilder().setName(row.getAttendeeName()).setEmail(row.getAttendeeEmail()))
			.putAllAnswers(answers(row.getAnswers() == null ? "{}" : row.getAnswers().data()))
			.setStatus(RegistrationStatus.valueOf(row.getStatus()))
			.setPrice(Money.newBuilder().setAmount(row.getPriceAmount()).setCurrency(row.getCurrency()))
			.setCreatedBy(row.getCreatedBy())
			.setVersion(row.getVersion())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()));
		if (row.getUserId() != null) {
			registration.setUserId(row.getUserId().toString());
		}
		if (row.getCancellationReason() != null) {
			registration.setCancellationReason(row.getCancellationReason());
		}
		setIfPresent(row.getHoldExpiresAt(), t -> registration.setHoldExpiresAt(ProtoTime.of(t)));
		setIfPresent(row.getConfirmedAt(), t -> registration.setConfirmedAt(ProtoTime.of(t)));
		setIfPresent(row.getCancelledAt(), t -> registration.setCancelledAt(ProtoTime.of(t)));
		setIfPresent(row.getCheckedInAt(), t -> registration.setCheckedInAt(ProtoTime.of(t)));
		if (TicketMessages.hasTicket(row.getStatus())) {
			registration.setTicketCode(this.codes.ticket(row).getCode());
		}
		return registration.build();
	}

	/** Answers are stored as a JSON object; a value that is not a string is given as its JSON. */
	private static Map<String, String> answers(String json) {
		Struct.Builder answers = Struct.newBuilder();
		try {
			JsonFormat.parser().merge(json, answers);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored answers are not a JSON object: " + json, ex);
		}
		Map<String, String> text = new TreeMap<>();
		answers.getFieldsMap().forEach((key, value) -> text.put(key, text(value)));
		return text;
	}

	private static String text(Value value) {
		if (value.hasStringValue()) {
			return value.getStringValue();
		}
		try {
			return JSON.print(value);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void setIfPresent(Instant value, Consumer<Instant> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

}
