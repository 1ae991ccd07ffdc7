package org.convene.gateway.session;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionSpeaker;
import org.convene.session.v1.proto.SessionStatus;

/**
 * A session as REST and GraphQL show it; {@code track}, {@code room}, {@code language},
 * {@code capacity} and the cancellation are null when not set; {@code seatsAvailable} only
 * counts for a scheduled session that requires a seat. The abstract is {@code
 * abstract} in JSON and GraphQL ({@code abstractText} only because Java reserves the word).
 */
public record SessionView(String id, String eventId, String title, @JsonProperty("abstract") String abstractText,
		String type, String track, String room, OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity,
		String language, List<String> tags, String status, String cancellationReason, OffsetDateTime cancelledAt,
		List<SpeakerView> speakers, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		boolean requiresSeat, int seatsTaken, Integer seatsAvailable) {

	public static SessionView of(Session session) {
		return new SessionView(session.getId(), session.getEventId(), session.getTitle(), session.getAbstract(),
				session.getType().name(), blankToNull(session.getTrack()), blankToNull(session.getRoom()),
				ProtoTime.utc(session.getStartsAt()), ProtoTime.utc(session.getEndsAt()),
				session.hasCapacity() ? session.getCapacity() : null,
				blankToNull(session.getLanguage()), List.copyOf(session.getTagsList()), session.getStatus().name(),
				blankToNull(session.getCancellationReason()),
				ProtoTime.utc(session.hasCancelledAt(), session.getCancelledAt()),
				session.getSpeakersList().stream().map(SpeakerView::of).toList(), session.getVersion(),
				ProtoTime.utc(session.getCreatedAt()), ProtoTime.utc(session.getUpdatedAt()), session.getRequiresSeat(),
				session.getSeatsTaken(), seatsAvailable(session));
	}

	/** The strong ETag of this version. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

	/** The seats still free of a scheduled session that requires one; null for the others. */
	private static Integer seatsAvailable(Session session) {
		if (!session.getRequiresSeat() || !session.hasCapacity() || session.getStatus() != SessionStatus.SCHEDULED) {
			return null;
		}
		return Math.max(0, session.getCapacity() - session.getSeatsTaken());
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/** Someone who speaks at the session: their user id, display name and role. */
	public record SpeakerView(String userId, String name, String role) {

		static SpeakerView of(SessionSpeaker speaker) {
			return new SpeakerView(speaker.getUserId(), speaker.getName(), speaker.getRole().name());
		}

	}

}
