package org.convene.gateway.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;


import org.convene.grpc.ApiException;
import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.SessionFeedback;
import org.convene.session.v1.proto.SessionFeedbackComment;
import org.convene.session.v1.proto.SessionFeedbackSummary;
import org.convene.session.v1.proto.SubmitSessionFeedbackRequest;

/** How feedback looks through REST and GraphQL, and the one reading of a rating sent. */
final class FeedbackViews {

	private FeedbackViews() {
	}

	/** A rating from REST JSON or GraphQL input: {rating, comment?, expectedVersion?}; other fields are refused. */
	static SubmitSessionFeedbackRequest submit(String sessionId, Map<String, Object> input) {
		for (String name : input.keySet()) {
			if (!List.of("rating", "comment", "expectedVersion").contains(name)) {
				throw ApiException.invalid(name, "is not a field of feedback; known: rating, comment, expectedVersion");
			}
		}
		SubmitSessionFeedbackRequest.Builder request = SubmitSessionFeedbackRequest.newBuilder().setSessionId(sessionId);
		if (!(input.get("rating") instanceof Integer rating)) {
			throw ApiException.invalid("rating", "is required, a whole number from 1 to 5");
		}
		request.setRating(rating);
		Object comment = input.get("comment");
		if (comment != null && !(comment instanceof String)) {
			throw ApiException.invalid("comment", "must be a string of up to 2,000 characters");
		}
		request.setComment(comment == null ? "" : (String) comment);
		Object version = input.get("expectedVersion");
		if (version != null && !(version instanceof Integer || version instanceof Long)) {
			throw ApiException.invalid("expectedVersion", "must be a whole number");
		}
		return request.setExpectedVersion(version == null ? 0 : ((Number) version).longValue()).build();
	}

	/** One's own rating of a session; {@code comment} null when none. */
	record SessionFeedbackView(String sessionId, String userId, int rating, String comment, OffsetDateTime createdAt,
			OffsetDateTime updatedAt, long version) {

		static SessionFeedbackView of(SessionFeedback feedback) {
			return new SessionFeedbackView(feedback.getSessionId(), feedback.getUserId(), feedback.getRating(),
					feedback.getComment().isEmpty() ? null : feedback.getComment(),
					ProtoTime.utc(feedback.getCreatedAt()),
					ProtoTime.utc(feedback.getUpdatedAt()), feedback.getVersion());
		}

		/** The strong ETag of this version. */
		String etag() {
			return "\"" + this.version + "\"";
		}

	}

	/**
	 * What a session's ratings add up to.
	 *
	 * @param average rounded to 2 decimals; null when nobody rated
	 * @param distribution ratings of 1, 2, 3, 4 and 5
	 */
	record FeedbackSummaryView(String sessionId, String eventId, int count, Double average, List<Integer> distribution,
			int commentCount) {

		static FeedbackSummaryView of(SessionFeedbackSummary summary) {
			return new FeedbackSummaryView(summary.getSessionId(), summary.getEventId(), summary.getCount(),
					summary.getCount() == 0 ? null : summary.getAverage(), List.copyOf(summary.getDistributionList()),
					summary.getCommentCount());
		}

	}

	/** A comment; its author (id and name) only for the event's organizer and administrators. */
	record FeedbackCommentView(int rating, String comment, OffsetDateTime updatedAt, String authorId, String authorName) {

		static FeedbackCommentView of(SessionFeedbackComment comment) {
			return new FeedbackCommentView(comment.getRating(), comment.getComment(),
			ProtoTime.utc(comment.getUpdatedAt()),
					comment.getAuthorId().isEmpty() ? null : comment.getAuthorId(),
					comment.getAuthorName().isEmpty() ? null : comment.getAuthorName());
		}

	}

}
