package org.convene.gateway.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Message;

import org.convene.gateway.web.ProtoInput;
import org.convene.grpc.FieldViolation;
import org.convene.ticket.v1.proto.BulkCheckInRequest;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansRequest;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

/** The one conversion of check-in input, from REST JSON or GraphQL input, into core's requests. */
final class CheckInInputs {

	private static final Map<String, String> SCAN = Map.of("code", "a ticket code", "deviceId",
			"the scanning device's name, 1 to 100 characters", "location", "where, e.g. Main entrance", "eventId",
			"an event id (UUID)");

	private static final Map<String, String> BULK = Map.of("codes", "an array of 1 to 500 ticket codes", "deviceId",
			SCAN.get("deviceId"), "location", SCAN.get("location"), "eventId", SCAN.get("eventId"));

	private static final Map<String, String> OFFLINE = Map.of("scans",
			"an array of 1 to 1,000 {code, scannedAt (RFC 3339), nonce}", "deviceId", SCAN.get("deviceId"), "location",
			SCAN.get("location"), "eventId", SCAN.get("eventId"));

	private static final Map<String, String> VALIDATE = Map.of("code", SCAN.get("code"), "eventId", SCAN.get("eventId"));

	private CheckInInputs() {
	}

	static CheckInRequest checkIn(String eventId, Map<String, Object> input) {
		return read(input, SCAN, CheckInRequest.newBuilder(), "a check-in").setEventId(eventId).build();
	}

	static BulkCheckInRequest bulk(String eventId, Map<String, Object> input) {
		return read(input, BULK, BulkCheckInRequest.newBuilder(), "a bulk check-in").setEventId(eventId).build();
	}

	static UploadOfflineScansRequest offline(String eventId, Map<String, Object> input) {
		return read(input, OFFLINE, UploadOfflineScansRequest.newBuilder(), "an offline upload").setEventId(eventId).build();
	}

	static ValidateTicketRequest validate(Map<String, Object> input) {
		return read(input, VALIDATE, ValidateTicketRequest.newBuilder(), "a validation").build();
	}

	private static <B extends Message.Builder> B read(Map<String, Object> input, Map<String, String> fields, B builder,
			String what) {
		List<FieldViolation> violations = new ArrayList<>();
		ProtoInput.merge(input, fields, "is not a field of " + what, builder, violations);
		ProtoInput.throwIfAny(violations);
		return builder;
	}

}
