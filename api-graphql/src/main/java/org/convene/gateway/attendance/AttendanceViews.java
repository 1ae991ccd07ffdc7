package org.convene.gateway.attendance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Message;

import org.convene.gateway.web.ProtoInput;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.SessionAttendance;
import org.convene.session.v1.proto.SessionCheckIn;
import org.convene.session.v1.proto.SessionCheckInRequest;

/** How session admissions and counts look through REST and GraphQL, and the one reading of a scan. */
final class AttendanceViews {

	private static final Map<String, String> SCAN = Map.of("code", "a ticket code", "deviceId",
			"the scanning device's name, 1 to 100 characters", "scannedAt",
			"when the device scanned (RFC 3339), at most 7 days ago; now when absent", "sessionId", "a session id (UUID)");

	private AttendanceViews() {
	}

	/** A scan from REST JSON or GraphQL input; unknown fields are refused. */
	static SessionCheckInRequest scan(String sessionId, Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		Message.Builder builder = SessionCheckInRequest.newBuilder();
		ProtoInput.merge(input, SCAN, "is not a field of a session check-in", builder, violations);
		ProtoInput.throwIfAny(violations);
		return ((SessionCheckInRequest.Builder) builder).setSessionId(sessionId).build();
	}

	/** A ticket admitted at a session's door; {@code userId} is null for a guest's ticket. */
	record SessionCheckInView(String sessionId, String registrationId, String userId, String attendeeName,
			OffsetDateTime scannedAt, String deviceId, String recordedBy, OffsetDateTime recordedAt) {

		static SessionCheckInView of(SessionCheckIn checkIn) {
			return new SessionCheckInView(checkIn.getSessionId(), checkIn.getRegistrationId(),
					checkIn.getUserId().isEmpty() ? null : checkIn.getUserId(), checkIn.getAttendeeName(),
					ProtoTime.utc(checkIn.getScannedAt()), checkIn.getDeviceId(), checkIn.getRecordedBy(),
					ProtoTime.utc(checkIn.getRecordedAt()));
		}

	}

	/** What a scan did; {@code checkIn} is this admission or the first one. */
	record SessionCheckInResult(String outcome, String registrationId, String attendeeName, SessionCheckInView checkIn) {

		static SessionCheckInResult of(org.convene.session.v1.proto.SessionCheckInResult result) {
			return new SessionCheckInResult(result.getOutcome().name(),
					result.getRegistrationId().isEmpty() ? null : result.getRegistrationId(),
					result.getAttendeeName().isEmpty() ? null : result.getAttendeeName(),
					result.hasCheckIn() ? SessionCheckInView.of(result.getCheckIn()) : null);
		}

	}

	/** How many came to a session; {@code capacity} null when it has none. */
	record SessionAttendanceView(String sessionId, String eventId, int checkedIn, int bookmarked, boolean requiresSeat,
			int seatsTaken, Integer capacity) {

		static SessionAttendanceView of(SessionAttendance attendance) {
			return new SessionAttendanceView(attendance.getSessionId(), attendance.getEventId(), attendance.getCheckedIn(),
					attendance.getBookmarked(), attendance.getRequiresSeat(), attendance.getSeatsTaken(),
					attendance.hasCapacity() ? attendance.getCapacity() : null);
		}

	}

}
