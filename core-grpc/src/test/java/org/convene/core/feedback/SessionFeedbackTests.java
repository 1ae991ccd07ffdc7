package org.convene.core.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageRequest;
import org.convene.core.support.SessionAttendanceTest;
import org.convene.session.v1.proto.BatchGetSessionFeedbackSummariesRequest;
import org.convene.session.v1.proto.GetSessionFeedbackSummaryRequest;
import org.convene.session.v1.proto.ListEventSessionFeedbackRequest;
import org.convene.session.v1.proto.ListMySessionFeedbackRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsResponse;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionFeedback;
import org.convene.session.v1.proto.SessionFeedbackComment;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc.SessionFeedbackServiceBlockingStub;
import org.convene.session.v1.proto.SessionFeedbackSummary;
import org.convene.session.v1.proto.SessionFeedbackSummaryList;
import org.convene.session.v1.proto.SubmitSessionFeedbackRequest;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.SESSION_FEEDBACK;

/** SessionFeedbackService over a real gRPC channel and PostgreSQL: who may rate, editing, bounds, and what readers see. */
class SessionFeedbackTests extends SessionAttendanceTest {

	/** A new user whose ticket was scanned at the session's door; returns their feedback stub. */
	private SessionFeedbackServiceBlockingStub attendee(Session session, String name) {
		UUID user = newUser(name);
		scan(session, codeOf(confirmed(user, name)));
		return feedbackAs(attendeeToken(user));
	}

	private static SubmitSessionFeedbackRequest rating(Session session, int rating, String comment) {
		return SubmitSessionFeedbackRequest.newBuilder().setSessionId(session.getId()).setRating(rating).setComment(comment).build();
	}

	private SessionFeedbackSummary summary(SessionFeedbackServiceBlockingStub stub, Session session) {
		return stub.getSessionFeedbackSummary(GetSessionFeedbackSummaryRequest.newBuilder().setSessionId(session.getId()).build());
	}

	private ListSessionFeedbackCommentsResponse comments(SessionFeedbackServiceBlockingStub stub, Session session) {
		return stub.listSessionFeedbackComments(ListSessionFeedbackCommentsRequest.newBuilder().setSessionId(session.getId()).build());
	}

	@Nested
	class Rating {

		@Test
		void anAttendeeRatesOnceAndEditsTheirRating() {
			Session talk = session("Keynote", 0, 60);
			SessionFeedbackServiceBlockingStub ada = attendee(talk, "Ada");

			SessionFeedback first = ada.submitSessionFeedback(rating(talk, 4, "  Clear and useful  "));
			SessionFeedback edited = ada.submitSessionFeedback(rating(talk, 5, "").toBuilder().setExpectedVersion(1).build());

			assertThat(first.getRating()).isEqualTo(4);
			assertThat(first.getComment()).isEqualTo("Clear and useful");
			assertThat(first.getVersion()).isEqualTo(1);
			assertThat(edited.getRating()).isEqualTo(5);
			assertThat(edited.getComment()).isEmpty();
			assertThat(edited.getVersion()).isEqualTo(2);
			assertThat(edited.getCreatedAt()).isEqualTo(first.getCreatedAt());
			assertThat(SessionFeedbackTests.this.db.fetchCount(SESSION_FEEDBACK,
					SESSION_FEEDBACK.SESSION_ID.eq(UUID.fromString(talk.getId())))).isEqualTo(1);
			assertThat(ada.listMySessionFeedback(ListMySessionFeedbackRequest.newBuilder().addSessionIds(talk.getId())
				.addSessionIds(session("Unrated", 60, 90).getId()).build()).getFeedbackList()).containsExactly(edited);
		}

		@Test
		void aStaleVersionIsRefusedAndChangesNothing() {
			Session talk = session("Keynote", 0, 60);
			SessionFeedbackServiceBlockingStub ada = attendee(talk, "Ada");
			ada.submitSessionFeedback(rating(talk, 4, ""));
			ada.submitSessionFeedback(rating(talk, 3, ""));

			assertRefused(failureOf(() -> ada.submitSessionFeedback(rating(talk, 1, "").toBuilder().setExpectedVersion(1).build())),
					Status.Code.ABORTED, ErrorCode.PRECONDITION_FAILED);
			assertThat(ada.listMySessionFeedback(ListMySessionFeedbackRequest.newBuilder().addSessionIds(talk.getId()).build())
				.getFeedback(0).getRating()).isEqualTo(3);
		}

		@Test
		void concurrentSubmissionsOfOneAttendeeKeepOneRatingAndCountEveryEdit() throws Exception {
			Session talk = session("Keynote", 0, 60);
			SessionFeedbackServiceBlockingStub ada = attendee(talk, "Ada");
			ExecutorService pool = Executors.newFixedThreadPool(10);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<SessionFeedback>> results = new ArrayList<>();
			try {
				for (int i = 0; i < 10; i++) {
					int rating = i % 5 + 1;
					results.add(pool.submit(() -> {
						go.await();
						return ada.submitSessionFeedback(rating(talk, rating, "Take " + rating));
					}));
				}
				go.countDown();
				List<Long> versions = new ArrayList<>();
				for (Future<SessionFeedback> result : results) {
					versions.add(result.get(30, TimeUnit.SECONDS).getVersion());
				}
				assertThat(versions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
				assertThat(SessionFeedbackTests.this.db.fetchCount(SESSION_FEEDBACK,
						SESSION_FEEDBACK.SESSION_ID.eq(UUID.fromString(talk.getId())))).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}

		@Test
		void refusesRatingsOutOfBoundsAndCommentsTooLong() {
			Session talk = session("Keynote", 0, 60);
			SessionFeedbackServiceBlockingStub ada = attendee(talk, "Ada");

			assertInvalid(failureOf(() -> ada.submitSessionFeedback(rating(talk, 0, ""))), "rating");
			assertInvalid(failureOf(() -> ada.submitSessionFeedback(rating(talk, 6, ""))), "rating");
			assertInvalid(failureOf(() -> ada.submitSessionFeedback(rating(talk, 3, "x".repeat(2001)))), "comment");
			assertInvalid(failureOf(() -> ada.submitSessionFeedback(rating(talk, 3, "bell \u0007"))), "comment");
			assertThat(SessionFeedbackTests.this.db.fetchCount(SESSION_FEEDBACK,
					SESSION_FEEDBACK.SESSION_ID.eq(UUID.fromString(talk.getId())))).isZero();
			// 2,000 characters, counted as people count them (an emoji is one)
			String longest = "\uD83D\uDC4D".repeat(2000);
			assertThat(ada.submitSessionFeedback(rating(talk, 3, longest)).getComment()).isEqualTo(longest);
		}

		@Test
		void refusesASessionNotStartedYetOrCancelled() {
			Session later = session("Later", 180, 240);
			Session cancelled = session("Cancelled", 0, 60);
			UUID user = newUser("Ada");
			String code = codeOf(confirmed(user, "Ada"));
			scan(later, code);
			scan(cancelled, code);
			cancel(cancelled);
			SessionFeedbackServiceBlockingStub ada = feedbackAs(attendeeToken(user));

			assertRefused(failureOf(() -> ada.submitSessionFeedback(rating(later, 4, ""))), Status.Code.FAILED_PRECONDITION,
					ErrorCode.INVALID_STATE_TRANSITION);
			assertRefused(failureOf(() -> ada.submitSessionFeedback(rating(cancelled, 4, ""))),
					Status.Code.FAILED_PRECONDITION, ErrorCode.INVALID_STATE_TRANSITION);
		}

		@Test
		void onlyWhoAttendedRates() {
			Session talk = session("Keynote", 0, 60);
			attendee(talk, "Ada");
			UUID registeredOnly = newUser("Registered only");
			confirmed(registeredOnly, "Registered only");

			assertRefused(failureOf(() -> feedbackAs(attendeeToken(registeredOnly)).submitSessionFeedback(rating(talk, 5, ""))),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> SessionFeedbackTests.this.feedback.submitSessionFeedback(rating(talk, 5, ""))),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> org.convene.session.v1.proto.SessionFeedbackServiceGrpc
				.newBlockingStub(SessionFeedbackTests.this.channel).submitSessionFeedback(rating(talk, 5, ""))),
					Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
		}

		@Test
		void anEventCheckInCountsForSessionsNobodyIsScannedAt() {
			Session unscanned = session("Unscanned", 0, 60);
			Session scanned = session("Scanned", 60, 120);
			attendee(scanned, "Scanned in");
			UUID user = newUser("At the event");
			String code = codeOf(confirmed(user, "At the event"));
			bearer(CheckInServiceGrpc.newBlockingStub(SessionFeedbackTests.this.channel),
					organizerToken(SessionFeedbackTests.this.organizerId))
				.checkIn(CheckInRequest.newBuilder().setEventId(SessionFeedbackTests.this.event.getId()).setCode(code)
					.setDeviceId("main-door").build());
			SessionFeedbackServiceBlockingStub atTheEvent = feedbackAs(attendeeToken(user));

			assertThat(atTheEvent.submitSessionFeedback(rating(unscanned, 4, "")).getRating()).isEqualTo(4);
			assertRefused(failureOf(() -> atTheEvent.submitSessionFeedback(rating(scanned, 4, ""))),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

	}

	@Nested
	class Reading {

		@Test
		void organizersSeeCountAverageDistributionAndCommentsWithTheirAuthors() {
			Session talk = session("Keynote", 0, 60);
			int[] ratings = { 5, 4, 4, 2, 5, 1 };
			for (int i = 0; i < ratings.length; i++) {
				attendee(talk, "Attendee " + i).submitSessionFeedback(rating(talk, ratings[i], i % 2 == 0 ? "Comment " + i : ""));
			}

			SessionFeedbackSummary summary = summary(SessionFeedbackTests.this.feedback, talk);
			ListSessionFeedbackCommentsResponse comments = comments(SessionFeedbackTests.this.feedback, talk);

			assertThat(summary.getCount()).isEqualTo(6);
			assertThat(summary.getAverage()).isEqualTo(3.50);
			assertThat(summary.getDistributionList()).containsExactly(1, 1, 0, 2, 2);
			assertThat(summary.getCommentCount()).isEqualTo(3);
			assertThat(comments.getCommentsList()).extracting(SessionFeedbackComment::getComment)
				.containsExactly("Comment 4", "Comment 2", "Comment 0");
			assertThat(comments.getCommentsList()).extracting(SessionFeedbackComment::getAuthorName)
				.containsExactly("Attendee 4", "Attendee 2", "Attendee 0");
		}

		@Test
		void averagesRoundToTwoDecimals() {
			Session talk = session("Keynote", 0, 60);
			for (int rating : new int[] { 5, 4, 4 }) {
				attendee(talk, "Attendee").submitSessionFeedback(rating(talk, rating, ""));
			}

			assertThat(summary(SessionFeedbackTests.this.feedback, talk).getAverage()).isEqualTo(4.33);
		}

		@Test
		void speakersSeeTheirOwnSessionsOnlyAndCommentsWithoutAuthors() {
			Session mine = session("Mine", 0, 60);
			Session theirs = session("Theirs", 60, 120);
			UUID speaker = newUser("Sam Speaker", "SPEAKER");
			assignSpeaker(mine, speaker);
			attendee(mine, "Frank").submitSessionFeedback(rating(mine, 2, "Too fast"));
			SessionFeedbackServiceBlockingStub asSpeaker = feedbackAs(attendeeToken(speaker));

			assertThat(summary(asSpeaker, mine).getCount()).isEqualTo(1);
			SessionFeedbackComment comment = comments(asSpeaker, mine).getComments(0);
			assertThat(comment.getComment()).isEqualTo("Too fast");
			assertThat(comment.getAuthorId()).isEmpty();
			assertThat(comment.getAuthorName()).isEmpty();
			assertRefused(failureOf(() -> summary(asSpeaker, theirs)), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> comments(asSpeaker, theirs)), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertThat(asSpeaker.batchGetSessionFeedbackSummaries(BatchGetSessionFeedbackSummariesRequest.newBuilder()
				.addSessionIds(mine.getId()).addSessionIds(theirs.getId()).build()).getSummariesList())
				.extracting(SessionFeedbackSummary::getSessionId).containsExactly(mine.getId());
			assertRefused(failureOf(() -> asSpeaker.listEventSessionFeedback(ListEventSessionFeedbackRequest.newBuilder()
				.setEventId(SessionFeedbackTests.this.event.getId()).build())), Status.Code.PERMISSION_DENIED,
					ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void anotherOrganizerAndAttendeesReadNoSummaries() {
			Session talk = session("Keynote", 0, 60);
			SessionFeedbackServiceBlockingStub ada = attendee(talk, "Ada");
			SessionFeedbackServiceBlockingStub other = feedbackAs(organizerToken(newUser("Otto Other", "ORGANIZER")));

			assertRefused(failureOf(() -> summary(other, talk)), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> other.listEventSessionFeedback(ListEventSessionFeedbackRequest.newBuilder()
				.setEventId(SessionFeedbackTests.this.event.getId()).build())), Status.Code.PERMISSION_DENIED,
					ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> summary(ada, talk)), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertThat(summary(feedbackAs(adminToken()), talk).getSessionId()).isEqualTo(talk.getId());
		}

		@Test
		void summarizesEverySessionOfAnEventInOneCall() {
			Session keynote = session("Keynote", 0, 60);
			Session workshop = session("Workshop", 60, 120);
			attendee(keynote, "Ada").submitSessionFeedback(rating(keynote, 5, ""));
			attendee(keynote, "Bob").submitSessionFeedback(rating(keynote, 2, ""));
			attendee(workshop, "Carla").submitSessionFeedback(rating(workshop, 3, ""));

			SessionFeedbackSummaryList all = SessionFeedbackTests.this.feedback.listEventSessionFeedback(
					ListEventSessionFeedbackRequest.newBuilder().setEventId(SessionFeedbackTests.this.event.getId()).build());

			assertThat(all.getSummariesList()).extracting(SessionFeedbackSummary::getSessionId)
				.containsExactly(keynote.getId(), workshop.getId());
			assertThat(all.getSummariesList()).extracting(SessionFeedbackSummary::getCount).containsExactly(2, 1);
			assertThat(all.getSummariesList()).extracting(SessionFeedbackSummary::getAverage).containsExactly(3.5, 3.0);
		}

		@Test
		void commentsComePageByPageNewestFirst() {
			Session talk = session("Keynote", 0, 60);
			for (int i = 0; i < 3; i++) {
				attendee(talk, "Attendee " + i).submitSessionFeedback(rating(talk, 4, "Comment " + i));
			}

			ListSessionFeedbackCommentsResponse first = SessionFeedbackTests.this.feedback.listSessionFeedbackComments(
					ListSessionFeedbackCommentsRequest.newBuilder().setSessionId(talk.getId())
						.setPage(PageRequest.newBuilder().setPageSize(2)).build());
			ListSessionFeedbackCommentsResponse second = SessionFeedbackTests.this.feedback.listSessionFeedbackComments(
					ListSessionFeedbackCommentsRequest.newBuilder().setSessionId(talk.getId())
						.setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(first.getPageInfo().getNextPageToken()))
						.build());

			assertThat(List.of(first, second)).flatExtracting(ListSessionFeedbackCommentsResponse::getCommentsList)
				.extracting(SessionFeedbackComment::getComment)
				.containsExactly("Comment 2", "Comment 1", "Comment 0");
		}

	}

}
