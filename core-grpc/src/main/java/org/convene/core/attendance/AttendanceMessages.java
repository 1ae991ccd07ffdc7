package org.convene.core.attendance;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.SessionCheckInRecord;
import org.convene.session.v1.proto.SessionCheckIn;

/** API forms of session admissions. */
final class AttendanceMessages {

	private AttendanceMessages() {
	}

	static SessionCheckIn checkIn(SessionCheckInRecord row, String attendeeName) {
		return SessionCheckIn.newBuilder()
			.setSessionId(row.getSessionId().toString())
			.setRegistrationId(row.getRegistrationId().toString())
			.setUserId(row.getUserId() == null ? "" : row.getUserId().toString())
			.setAttendeeName(attendeeName)
			.setScannedAt(ProtoTime.of(row.getScannedAt()))
			.setDeviceId(row.getDeviceId())
			.setRecordedBy(row.getRecordedBy())
			.setRecordedAt(ProtoTime.of(row.getRecordedAt()))
			.build();
	}

}
