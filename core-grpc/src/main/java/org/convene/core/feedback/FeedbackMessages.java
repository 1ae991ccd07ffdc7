package org.convene.core.feedback;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.SessionFeedbackRecord;
import org.convene.session.v1.proto.SessionFeedback;

/** API forms of feedback. */
final class FeedbackMessages {

	private FeedbackMessages() {
	}

	static SessionFeedback feedback(SessionFeedbackRecord row) {
		return SessionFeedback.newBuilder()
			.setSessionId(row.getSessionId().toString())
			.setUserId(row.getUserId().toString())
			.setRating(row.getRating())
			.setComment(row.getComment() == null ? "" : row.getComment())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()))
			.setVersion(row.getVersion())
			.build();
	}

}
