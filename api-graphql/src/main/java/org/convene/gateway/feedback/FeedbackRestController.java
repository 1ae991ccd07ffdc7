package org.convene.gateway.feedback;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.feedback.FeedbackViews.FeedbackCommentView;
import org.convene.gateway.feedback.FeedbackViews.FeedbackSummaryView;
import org.convene.gateway.feedback.FeedbackViews.SessionFeedbackView;
import org.convene.gateway.paging.Page;
import org.convene.gateway.paging.PageParams;
import org.convene.gateway.paging.Pagination;
import org.convene.gateway.web.Etags;
import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.GetSessionFeedbackSummaryRequest;
import org.convene.session.v1.proto.ListEventSessionFeedbackRequest;
import org.convene.session.v1.proto.ListMySessionFeedbackRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsResponse;
import org.convene.session.v1.proto.SessionFeedback;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc.SessionFeedbackServiceBlockingStub;
import org.convene.session.v1.proto.SubmitSessionFeedbackRequest;

/** Feedback on sessions: {@code /api/v1/sessions/{id}/feedback} (yours), {@code .../summary}, {@code .../comments}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Session feedback", description = "Ratings of sessions by those who attended them")
class FeedbackRestController {

	private final SessionFeedbackServiceBlockingStub feedback;

	FeedbackRestController(SessionFeedbackServiceBlockingStub feedback) {
		this.feedback = feedback;
	}

	@PutMapping(path = "/sessions/{id}/feedback", consumes = "application/json")
	@Operation(summary = "Rate a session, or change your rating", description = "Body: {rating: 1-5, comment (optional, "
			+ "up to 2,000 characters)}. Only if you attended it (scanned at its door; or, where nobody is scanned at "
			+ "it, admitted to the event), once it has started and unless it is cancelled (409). If-Match makes a "
			+ "change conditional (412 when stale).")
	ResponseEntity<SessionFeedbackView> submit(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		SubmitSessionFeedbackRequest request = FeedbackViews.submit(id, body);
		if (ifMatch != null) {
			request = request.toBuilder().setExpectedVersion(Etags.version(ifMatch)).build();
		}
		SessionFeedbackView view = SessionFeedbackView.of(this.feedback.submitSessionFeedback(request));
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@GetMapping("/sessions/{id}/feedback")
	@Operation(summary = "Your rating of a session", description = "404 when you have not rated it.")
	ResponseEntity<SessionFeedbackView> mine(@PathVariable String id) {
		List<SessionFeedback> mine = this.feedback
			.listMySessionFeedback(ListMySessionFeedbackRequest.newBuilder().addSessionIds(id).build())
			.getFeedbackList();
		if (mine.isEmpty()) {
			throw ApiException.notFound("feedback", id, "id");
		}
		SessionFeedbackView view = SessionFeedbackView.of(mine.get(0));
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@GetMapping("/sessions/{id}/feedback/summary")
	@Operation(summary = "What a session's ratings add up to", description = "Count, average (2 decimals), distribution of "
			+ "1 to 5; for the event's organizer, administrators and the session's speakers.")
	FeedbackSummaryView summary(@PathVariable String id) {
		return FeedbackSummaryView.of(this.feedback
			.getSessionFeedbackSummary(GetSessionFeedbackSummaryRequest.newBuilder().setSessionId(id).build()));
	}

	@GetMapping("/sessions/{id}/feedback/comments")
	@Operation(summary = "The comments on a session", description = "Newest first; with their authors for the event's "
			+ "organizer and administrators, without for the session's speakers; paging as everywhere.")
	ResponseEntity<Page<FeedbackCommentView>> comments(@PathVariable String id,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		PageParams params = PageParams.from(query);
		ListSessionFeedbackCommentsResponse response = this.feedback.listSessionFeedbackComments(
				ListSessionFeedbackCommentsRequest.newBuilder().setSessionId(id).setPage(params.toRequest()).build());
		Pagination pagination = Pagination.of(params, response.getPageInfo());
		List<FeedbackCommentView> data = response.getCommentsList().stream().map(FeedbackCommentView::of).toList();
		return ResponseEntity.ok().headers(pagination.headers(params)).body(new Page<>(data, pagination));
	}

	@GetMapping("/events/{eventId}/session-feedback")
	@Operation(summary = "What each session of an event was rated", description = "By start time; for the event's "
			+ "organizer and administrators.")
	Summaries ofEvent(@PathVariable String eventId) {
		return new Summaries(this.feedback
			.listEventSessionFeedback(ListEventSessionFeedbackRequest.newBuilder().setEventId(eventId).build())
			.getSummariesList()
			.stream()
			.map(FeedbackSummaryView::of)
			.toList());
	}

	/** @param sessions one per session, by start time */
	record Summaries(List<FeedbackSummaryView> sessions) {
	}

}
