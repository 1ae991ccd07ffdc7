package org.convene.core.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.attendance.SessionAccess;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.paging.Keyset;
import org.convene.core.paging.Page;
import org.convene.core.paging.PageSpec;
import org.convene.core.paging.Pager;
import org.convene.schema.core.tables.records.SessionFeedbackRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.ListMySessionFeedbackResponse;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsResponse;
import org.convene.session.v1.proto.SessionFeedbackComment;
import org.convene.session.v1.proto.SessionFeedbackSummary;
import org.convene.session.v1.proto.SessionFeedbackSummaryList;
import org.convene.grpc.ProtoTime;

import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.SESSION_FEEDBACK;

/**
 * Reads feedback: a user their own; the event's organizer, administrators and the session's
 * speakers the summaries and comments (sessions:read). Speakers read comments without their
 * authors, so attendees can be frank about a talk; organizers see who wrote what, to follow
 * up or moderate. Summaries of any number of sessions cost one query.
 */
@Service
@Transactional(readOnly = true)
class FeedbackQueries {

	private static final Keyset<Instant> NEWEST_FIRST = Keyset.ofInstant("UPDATED_AT:desc", SESSION_FEEDBACK.UPDATED_AT,
			SESSION_FEEDBACK.USER_ID, true);

	private final DSLContext db;

	private final SessionAccess access;

	FeedbackQueries(DSLContext db, SessionAccess access) {
		this.db = db;
		this.access = access;
	}

	ListMySessionFeedbackResponse mine(List<String> sessionIds) {
		Caller caller = caller().require(Scopes.SESSIONS_READ);
		UUID me = caller.requireUser();
		List<UUID> visible = this.access.visible(caller, sessionIds).stream().map(SessionRecord::getId).toList();
		ListMySessionFeedbackResponse.Builder response = ListMySessionFeedbackResponse.newBuilder();
		this.db.selectFrom(SESSION_FEEDBACK)
			.where(SESSION_FEEDBACK.SESSION_ID.in(visible))
			.and(SESSION_FEEDBACK.USER_ID.eq(me))
			.forEach(row -> response.addFeedback(FeedbackMessages.feedback(row)));
		return response.build();
	}

	SessionFeedbackSummary summary(String sessionId) {
		SessionRecord session = this.access.managedOrSpoken(caller(), sessionId, Scopes.SESSIONS_READ, "sessionId")
			.session();
		return summaries(List.of(session)).getSummaries(0);
	}

	SessionFeedbackSummaryList batch(List<String> sessionIds) {
		return summaries(this.access.managedOrSpoken(caller(), sessionIds, Scopes.SESSIONS_READ));
	}

	SessionFeedbackSummaryList ofEvent(String eventId) {
		return summaries(this.access.ofManagedEvent(caller(), eventId, Scopes.SESSIONS_READ));
	}

	ListSessionFeedbackCommentsResponse comments(ListSessionFeedbackCommentsRequest request) {
		SessionAccess.Reached reached = this.access.managedOrSpoken(caller(), request.getSessionId(), Scopes.SESSIONS_READ,
				"sessionId");
		Page<SessionFeedbackRecord> page = Pager.fetch(this.db, SESSION_FEEDBACK,
				SESSION_FEEDBACK.SESSION_ID.eq(reached.session().getId()).and(SESSION_FEEDBACK.COMMENT.isNotNull()),
				NEWEST_FIRST, PageSpec.of(request.getPage(), NEWEST_FIRST));
		Map<UUID, String> names = reached.manages() ? this.db.select(APP_USER.ID, APP_USER.DISPLAY_NAME)
			.from(APP_USER)
			.where(APP_USER.ID.in(page.items().stream().map(SessionFeedbackRecord::getUserId).toList()))
			.fetchMap(APP_USER.ID, APP_USER.DISPLAY_NAME) : Map.of();
		ListSessionFeedbackCommentsResponse.Builder response = ListSessionFeedbackCommentsResponse.newBuilder()
			.setPageInfo(page.info());
		for (int i = 0; i < page.items().size(); i++) {
			SessionFeedbackRecord row = page.items().get(i);
			SessionFeedbackComment.Builder comment = SessionFeedbackComment.newBuilder()
				.setRating(row.getRating())
				.setComment(row.getComment())
				.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()))
				.setCursor(page.cursors().get(i));
			if (reached.manages()) {
				comment.setAuthorId(row.getUserId().toString()).setAuthorName(names.getOrDefault(row.getUserId(), ""));
			}
			response.addComments(comment);
		}
		return response.build();
	}

	private SessionFeedbackSummaryList summaries(List<SessionRecord> sessions) {
		Map<UUID, int[]> ratings = new HashMap<>();
		Map<UUID, Integer> comments = new HashMap<>();
		this.db.select(SESSION_FEEDBACK.SESSION_ID, SESSION_FEEDBACK.RATING, DSL.count(), DSL.count(SESSION_FEEDBACK.COMMENT))
			.from(SESSION_FEEDBACK)
			.where(SESSION_FEEDBACK.SESSION_ID.in(sessions.stream().map(SessionRecord::getId).toList()))
			.groupBy(SESSION_FEEDBACK.SESSION_ID, SESSION_FEEDBACK.RATING)
			.forEach(r -> {
				ratings.computeIfAbsent(r.value1(), id -> new int[5])[r.value2() - 1] = r.value3();
				comments.merge(r.value1(), r.value4(), Integer::sum);
			});
		SessionFeedbackSummaryList.Builder list = SessionFeedbackSummaryList.newBuilder();
		for (SessionRecord session : sessions) {
			int[] distribution = ratings.getOrDefault(session.getId(), new int[5]);
			int count = 0;
			long sum = 0;
			SessionFeedbackSummary.Builder summary = SessionFeedbackSummary.newBuilder()
				.setSessionId(session.getId().toString())
				.setEventId(session.getEventId().toString())
				.setCommentCount(comments.getOrDefault(session.getId(), 0));
			for (int i = 0; i < 5; i++) {
				summary.addDistribution(distribution[i]);
				count += distribution[i];
				sum += (long) (i + 1) * distribution[i];
			}
			BigDecimal average = count == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
			list.addSummaries(summary.setCount(count).setAverage(average.doubleValue()));
		}
		return list.build();
	}

	private static Caller caller() {
		return RequestContext.current().caller();
	}

}
