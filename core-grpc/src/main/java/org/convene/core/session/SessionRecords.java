package org.convene.core.session;

import java.util.Arrays;
import java.util.List;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionSpeaker;
import org.convene.session.v1.proto.SessionStatus;
import org.convene.session.v1.proto.SessionType;

/** Turns stored session rows into their API form. */
final class SessionRecords {

	private SessionRecords() {
	}

	static Session toProto(SessionRecord row, List<SessionSpeaker> speakers) {
		Session.Builder session = Session.newBuilder()
			.setId(row.getId().toString())
			.setEventId(row.getEventId().toString())
			.setTitle(row.getTitle())
			.setAbstract(row.getAbstract())
			.setType(SessionType.valueOf(row.getType()))
			.setTrack(row.getTrack() == null ? "" : row.getTrack())
			.setRoom(row.getRoom() == null ? "" : row.getRoom())
			.setStartsAt(ProtoTime.of(row.getStartsAt()))
			.setEndsAt(ProtoTime.of(row.getEndsAt()))
			.setLanguage(row.getLanguage() == null ? "" : row.getLanguage())
			.addAllTags(Arrays.asList(row.getTags()))
			.setStatus(SessionStatus.valueOf(row.getStatus()))
			.setCancellationReason(row.getCancellationReason() == null ? "" : row.getCancellationReason())
			.addAllSpeakers(speakers)
			.setVersion(row.getVersion())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()))
			.setRequiresSeat(row.getRequiresSeat())
			.setSeatsTaken(row.getSeatsTaken());
		if (row.getCapacity() != null) {
			session.setCapacity(row.getCapacity());
		}
		if (row.getCancelledAt() != null) {
			session.setCancelledAt(ProtoTime.of(row.getCancelledAt()));
		}
		return session.build();
	}

}
