package org.convene.gateway.feedback;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.feedback.FeedbackViews.FeedbackCommentView;
import org.convene.gateway.feedback.FeedbackViews.FeedbackSummaryView;
import org.convene.gateway.feedback.FeedbackViews.SessionFeedbackView;
import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.gateway.session.SessionView;
import org.convene.session.v1.proto.BatchGetSessionFeedbackSummariesRequest;
import org.convene.session.v1.proto.ListMySessionFeedbackRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsResponse;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc.SessionFeedbackServiceBlockingStub;

/**
 * {@code submitSessionFeedback}, {@code Session.myFeedback}, {@code Session.feedbackSummary}
 * and {@code sessionFeedbackComments}. The fields of a whole list of sessions cost one gRPC
 * call per 100 sessions.
 */
@Controller
class FeedbackGraphQlController {

	/** Most sessions core takes in one batch call. */
	static final int BATCH = 100;

	private final SessionFeedbackServiceBlockingStub feedback;

	FeedbackGraphQlController(SessionFeedbackServiceBlockingStub feedback) {
		this.feedback = feedback;
	}

	@MutationMapping
	Object submitSessionFeedback(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String sessionId = (String) fields.remove("sessionId");
		fields.values().removeIf(value -> value == null);
		return UserErrors.orUserError(() -> new SessionFeedbackResult(SessionFeedbackView
			.of(this.feedback.submitSessionFeedback(FeedbackViews.submit(sessionId, fields)))));
	}

	@QueryMapping
	Connection<FeedbackCommentView> sessionFeedbackComments(@Argument String sessionId, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		ListSessionFeedbackCommentsResponse response = this.feedback.listSessionFeedbackComments(
				ListSessionFeedbackCommentsRequest.newBuilder()
					.setSessionId(sessionId)
					.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
					.build());
		List<Connection.Edge<FeedbackCommentView>> edges = response.getCommentsList()
			.stream()
			.map(comment -> new Connection.Edge<>(comment.getCursor(), FeedbackCommentView.of(comment)))
			.toList();
		long total = response.getPageInfo().getTotalSize();
		return new Connection<>(edges, Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	/** Null for sessions the caller has not rated, and for callers who are no user (anonymous, a client). */
	@BatchMapping(typeName = "Session", field = "myFeedback")
	Map<SessionView, SessionFeedbackView> myFeedback(List<SessionView> sessions) {
		List<String> ids = Batches.keys(sessions, SessionView::id);
		Map<String, SessionFeedbackView> found = new HashMap<>();
		try {
			for (int from = 0; from < ids.size(); from += BATCH) {
				this.feedback
					.listMySessionFeedback(ListMySessionFeedbackRequest.newBuilder()
						.addAllSessionIds(ids.subList(from, Math.min(ids.size(), from + BATCH)))
						.build())
					.getFeedbackList()
					.forEach(mine -> found.put(mine.getSessionId(), SessionFeedbackView.of(mine)));
			}
		}
		catch (StatusRuntimeException ex) {
			rethrowUnlessUnreadable(ex);
		}
		return Batches.byKey(sessions, SessionView::id, found);
	}

	/** Null for sessions whose feedback the caller may not read, and for callers who may read none. */
	@BatchMapping(typeName = "Session", field = "feedbackSummary")
	Map<SessionView, FeedbackSummaryView> feedbackSummary(List<SessionView> sessions) {
		List<String> ids = Batches.keys(sessions, SessionView::id);
		Map<String, FeedbackSummaryView> found = new HashMap<>();
		try {
			for (int from = 0; from < ids.size(); from += BATCH) {
				this.feedback
					.batchGetSessionFeedbackSummaries(BatchGetSessionFeedbackSummariesRequest.newBuilder()
						.addAllSessionIds(ids.subList(from, Math.min(ids.size(), from + BATCH)))
						.build())
					.getSummariesList()
					.forEach(summary -> found.put(summary.getSessionId(), FeedbackSummaryView.of(summary)));
			}
		}
		catch (StatusRuntimeException ex) {
			rethrowUnlessUnreadable(ex);
		}
		return Batches.byKey(sessions, SessionView::id, found);
	}

	/** An anonymous caller, or one without sessions:read or acting for no user, reads nothing: null, as for other strangers. */
	private static void rethrowUnlessUnreadable(StatusRuntimeException ex) {
		Status.Code code = ex.getStatus().getCode();
		if (code != Status.Code.UNAUTHENTICATED && code != Status.Code.PERMISSION_DENIED) {
			throw ex;
		}
	}

	/** The feedback a mutation stored. */
	record SessionFeedbackResult(SessionFeedbackView feedback) {
	}

}
