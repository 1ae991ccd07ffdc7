package org.convene.core.attendance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.session.v1.proto.BatchGetSessionAttendanceRequest;
import org.convene.session.v1.proto.GetSessionAttendanceRequest;
import org.convene.session.v1.proto.ListEventSessionAttendanceRequest;
import org.convene.session.v1.proto.ListSessionAttendeesRequest;
import org.convene.session.v1.proto.ListSessionAttendeesResponse;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionAttendance;
import org.convene.session.v1.proto.SessionAttendanceList;
import org.convene.session.v1.proto.SessionCheckInOutcome;
import org.convene.session.v1.proto.SessionCheckInRequest;
import org.convene.session.v1.proto.SessionCheckInResult;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.CHECK_IN;
import static org.convene.schema.core.Tables.SESSION_CHECK_IN;

/** SessionAttendanceService over a real gRPC channel and PostgreSQL: every scan outcome, races, counts and who may. */
class SessionAttendanceTests extends SessionAttendanceTest {

	private int admissions(Session session) {
		return this.db.fetchCount(SESSION_CHECK_IN, SESSION_CHECK_IN.SESSION_ID.eq(UUID.fromString(session.getId())));
	}

	@Nested
	class Scanning {

		@Test
		void admitsATicketOnceAndReportsTheFirstScanToLaterOnes() {
			Session talk = session("Keynote", 0, 60);
			UUID user = newUser("Ada Attendee");
			UUID registration = confirmed(user, "Ada Attendee");
			String code = codeOf(registration);

			SessionCheckInResult first = scan(talk, code);
			SessionCheckInResult second = SessionAttendanceTests.this.attendance.checkInToSession(SessionCheckInRequest
				.newBuilder().setSessionId(talk.getId()).setCode(code).setDeviceId("door-2").build());

			assertThat(first.getOutcome()).isEqualTo(SessionCheckInOutcome.ADMITTED);
			assertThat(first.getAttendeeName()).isEqualTo("Ada Attendee");
			assertThat(first.getCheckIn().getUserId()).isEqualTo(user.toString());
			assertThat(first.getCheckIn().getRecordedBy()).isEqualTo("user:" + SessionAttendanceTests.this.organizerId);
			assertThat(second.getOutcome()).isEqualTo(SessionCheckInOutcome.ALREADY_ADMITTED);
			assertThat(second.getCheckIn().getDeviceId()).isEqualTo("door-1");
			assertThat(second.getCheckIn().getScannedAt()).isEqualTo(first.getCheckIn().getScannedAt());
			assertThat(admissions(talk)).isEqualTo(1);
		}

		@Test
		void isNoEventCheckIn() {
			Session talk = session("Keynote", 0, 60);
			UUID registration = confirmed(null, "Guest");

			assertThat(scan(talk, codeOf(registration)).getOutcome()).isEqualTo(SessionCheckInOutcome.ADMITTED);

			RegistrationRecord after = SessionAttendanceTests.this.fixtures.registration(registration);
			assertThat(after.getStatus()).isEqualTo("CONFIRMED");
			assertThat(SessionAttendanceTests.this.db.fetchCount(CHECK_IN, CHECK_IN.REGISTRATION_ID.eq(registration))).isZero();
		}

		@Test
		void admitsATicketAdmittedAtTheEventDoorToo() {
			Session talk = session("Keynote", 0, 60);
			String code = codeOf(confirmed(null, "Guest"));
			bearer(CheckInServiceGrpc.newBlockingStub(SessionAttendanceTests.this.channel),
					organizerToken(SessionAttendanceTests.this.organizerId))
				.checkIn(CheckInRequest.newBuilder().setEventId(SessionAttendanceTests.this.event.getId()).setCode(code)
					.setDeviceId("main-door").build());

			assertThat(scan(talk, code).getOutcome()).isEqualTo(SessionCheckInOutcome.ADMITTED);
		}

		@Test
		void refusesWhatIsNoTicketOfTheEvent() {
			Session talk = session("Keynote", 0, 60);
			Event other = publishedEvent(SessionAttendanceTests.this.organizerId, SessionAttendanceTests.this.start);
			UUID otherType = SessionAttendanceTests.this.fixtures.ticketType(other.getId(), "Other");
			String otherCode = codeOf(SessionAttendanceTests.this.fixtures.confirmed(other.getId(), otherType, null, "Elsewhere"));
			String code = codeOf(confirmed(null, "Guest"));
			String forged = code.substring(0, code.length() - 4) + (code.endsWith("AAAA") ? "BBBB" : "AAAA");

			assertThat(scan(talk, "not a code").getOutcome()).isEqualTo(SessionCheckInOutcome.UNKNOWN_TICKET);
			assertThat(scan(talk, forged).getOutcome()).isEqualTo(SessionCheckInOutcome.UNKNOWN_TICKET);
			SessionCheckInResult wrong = scan(talk, otherCode);
			assertThat(wrong.getOutcome()).isEqualTo(SessionCheckInOutcome.WRONG_EVENT);
			assertThat(wrong.getAttendeeName()).isEmpty();
			assertThat(admissions(talk)).isZero();
		}

		@Test
		void refusesRevokedAndUnconfirmedTickets() {
			Session talk = session("Keynote", 0, 60);
			UUID revoked = confirmed(null, "Revoked");
			String revokedCode = codeOf(revoked);
			SessionAttendanceTests.this.fixtures.cancel(revoked, Instant.now());
			UUID pending = confirmed(null, "Pending");
			String pendingCode = codeOf(pending);
			SessionAttendanceTests.this.fixtures.makePending(pending);

			assertThat(scan(talk, revokedCode).getOutcome()).isEqualTo(SessionCheckInOutcome.REVOKED);
			assertThat(scan(talk, pendingCode).getOutcome()).isEqualTo(SessionCheckInOutcome.NOT_CONFIRMED);
			assertThat(admissions(talk)).isZero();
		}

		@Test
		void admitsNobodyToACancelledSession() {
			Session talk = session("Keynote", 0, 60);
			String code = codeOf(confirmed(null, "Guest"));
			cancel(talk);

			assertThat(scan(talk, code).getOutcome()).isEqualTo(SessionCheckInOutcome.SESSION_CANCELLED);
			assertThat(admissions(talk)).isZero();
		}

		@Test
		void admitsToASeatedSessionOnlyWhoHoldsASeat() {
			Session workshop = session("Workshop", 60, 120);
			UUID seated = newUser("Seated");
			UUID bookmarkedOnly = newUser("Bookmarked only");
			String bookmarkedOnlyCode = codeOf(confirmed(bookmarkedOnly, "Bookmarked only"));
			bookmark(workshop, bookmarkedOnly);
			requireSeat(workshop);
			String seatedCode = codeOf(confirmed(seated, "Seated"));

			assertThat(bookmark(workshop, seated).getHoldsSeat()).isTrue();
			assertThat(scan(workshop, seatedCode).getOutcome()).isEqualTo(SessionCheckInOutcome.ADMITTED);
			assertThat(scan(workshop, bookmarkedOnlyCode).getOutcome()).isEqualTo(SessionCheckInOutcome.NO_SEAT);
			assertThat(scan(workshop, codeOf(confirmed(null, "Guest"))).getOutcome()).isEqualTo(SessionCheckInOutcome.NO_SEAT);
			assertThat(admissions(workshop)).isEqualTo(1);
		}

		@Test
		void takesTheDevicesScanTimeWithinBounds() {
			Session talk = session("Keynote", 0, 60);
			Instant earlier = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

			SessionCheckInResult result = SessionAttendanceTests.this.attendance.checkInToSession(SessionCheckInRequest
				.newBuilder().setSessionId(talk.getId()).setCode(codeOf(confirmed(null, "Offline")))
				.setDeviceId("tablet").setScannedAt(ProtoTime.of(earlier)).build());

			assertThat(ProtoTime.toInstant(result.getCheckIn().getScannedAt())).isEqualTo(earlier);
			String code = codeOf(confirmed(null, "Guest"));
			for (Instant bad : List.of(Instant.now().plus(10, ChronoUnit.MINUTES), Instant.now().minus(8, ChronoUnit.DAYS))) {
				assertInvalid(failureOf(() -> SessionAttendanceTests.this.attendance.checkInToSession(SessionCheckInRequest
					.newBuilder().setSessionId(talk.getId()).setCode(code).setDeviceId("tablet")
					.setScannedAt(ProtoTime.of(bad)).build())), "scannedAt");
			}
			assertInvalid(failureOf(() -> SessionAttendanceTests.this.attendance.checkInToSession(SessionCheckInRequest
				.newBuilder().setSessionId(talk.getId()).setCode(code).setDeviceId(" ").build())), "deviceId");
			assertInvalid(failureOf(() -> scan(session("Other", 60, 90).toBuilder().setId("nope").build(), code)), "sessionId");
			assertThat(admissions(talk)).isEqualTo(1);
		}

		@Test
		void twentySimultaneousScansOfOneTicketAdmitItOnce() throws Exception {
			Session talk = session("Keynote", 0, 60);
			String code = codeOf(confirmed(newUser("Popular"), "Popular"));
			ExecutorService pool = Executors.newFixedThreadPool(20);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<SessionCheckInResult>> results = new ArrayList<>();
			try {
				for (int i = 0; i < 20; i++) {
					String device = "door-" + i;
					results.add(pool.submit(() -> {
						go.await();
						return SessionAttendanceTests.this.attendance.checkInToSession(SessionCheckInRequest.newBuilder()
							.setSessionId(talk.getId()).setCode(code).setDeviceId(device).build());
					}));
				}
				go.countDown();
				List<SessionCheckInOutcome> outcomes = new ArrayList<>();
				List<String> firstDevices = new ArrayList<>();
				for (Future<SessionCheckInResult> result : results) {
					SessionCheckInResult answer = result.get(30, TimeUnit.SECONDS);
					outcomes.add(answer.getOutcome());
					firstDevices.add(answer.getCheckIn().getDeviceId());
				}
				assertThat(outcomes).filteredOn(SessionCheckInOutcome.ADMITTED::equals).hasSize(1);
				assertThat(outcomes).filteredOn(SessionCheckInOutcome.ALREADY_ADMITTED::equals).hasSize(19);
				assertThat(firstDevices).containsOnly(firstDevices.get(0));
				assertThat(admissions(talk)).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

	@Nested
	class WhoMayScan {

		@Test
		void theOrganizerAndAdministratorsWithCheckinWrite() {
			Session talk = session("Keynote", 0, 60);
			String code = codeOf(confirmed(null, "Guest"));
			SessionCheckInRequest request = SessionCheckInRequest.newBuilder().setSessionId(talk.getId()).setCode(code)
				.setDeviceId("door").build();
			UUID otherOrganizer = newUser("Otto Other", "ORGANIZER");
			UUID attendee = newUser("Ada");

			assertRefused(failureOf(() -> attendanceAs(organizerToken(otherOrganizer)).checkInToSession(request)),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> attendanceAs(attendeeToken(attendee)).checkInToSession(request)),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> attendanceAs(SessionAttendanceTests.this.tokens.user(
					SessionAttendanceTests.this.organizerId, java.util.Set.of("ORGANIZER"), "sessions:read", "sessions:write"))
				.checkInToSession(request)), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> org.convene.session.v1.proto.SessionAttendanceServiceGrpc
				.newBlockingStub(SessionAttendanceTests.this.channel).checkInToSession(request)),
					Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
			assertThat(admissions(talk)).isZero();
			assertThat(attendanceAs(adminToken()).checkInToSession(request).getOutcome())
				.isEqualTo(SessionCheckInOutcome.ADMITTED);
		}

	}

	@Nested
	class Counting {

		@Test
		void countsAdmissionsBookmarksAndSeatsPerSessionAndForTheWholeEvent() {
			Session keynote = session("Keynote", 0, 60);
			Session workshop = session("Workshop", 60, 120);
			Session empty = session("Empty", 120, 180);
			requireSeat(workshop);
			UUID ada = newUser("Ada");
			UUID bob = newUser("Bob");
			String adaCode = codeOf(confirmed(ada, "Ada"));
			String bobCode = codeOf(confirmed(bob, "Bob"));
			bookmark(keynote, ada);
			bookmark(workshop, ada);
			bookmark(workshop, bob);
			scan(keynote, adaCode);
			scan(keynote, bobCode);
			scan(keynote, codeOf(confirmed(null, "Guest")));
			scan(workshop, codeOf(confirmed(null, "Seatless")));

			SessionAttendance one = SessionAttendanceTests.this.attendance
				.getSessionAttendance(GetSessionAttendanceRequest.newBuilder().setSessionId(keynote.getId()).build());
			SessionAttendanceList all = SessionAttendanceTests.this.attendance.listEventSessionAttendance(
					ListEventSessionAttendanceRequest.newBuilder().setEventId(SessionAttendanceTests.this.event.getId()).build());

			assertThat(one.getCheckedIn()).isEqualTo(3);
			assertThat(one.getBookmarked()).isEqualTo(1);
			assertThat(one.getRequiresSeat()).isFalse();
			assertThat(all.getSessionsList()).extracting(SessionAttendance::getSessionId)
				.containsExactly(keynote.getId(), workshop.getId(), empty.getId());
			SessionAttendance seated = all.getSessions(1);
			assertThat(seated.getCheckedIn()).isZero();
			assertThat(seated.getBookmarked()).isEqualTo(2);
			assertThat(seated.getRequiresSeat()).isTrue();
			assertThat(seated.getSeatsTaken()).isEqualTo(2);
			assertThat(seated.getCapacity()).isEqualTo(50);
			assertThat(all.getSessions(2).getCheckedIn()).isZero();
			assertThat(all.getSessions(2).getBookmarked()).isZero();
		}

		@Test
		void speakersReadTheCountsOfTheirOwnSessionsOnly() {
			Session mine = session("Mine", 0, 60);
			Session theirs = session("Theirs", 60, 120);
			UUID speaker = newUser("Sam Speaker", "SPEAKER");
			assignSpeaker(mine, speaker);
			var asSpeaker = attendanceAs(attendeeToken(speaker));

			assertThat(asSpeaker.getSessionAttendance(GetSessionAttendanceRequest.newBuilder().setSessionId(mine.getId()).build())
				.getSessionId()).isEqualTo(mine.getId());
			assertRefused(failureOf(() -> asSpeaker
				.getSessionAttendance(GetSessionAttendanceRequest.newBuilder().setSessionId(theirs.getId()).build())),
					Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertThat(asSpeaker.batchGetSessionAttendance(BatchGetSessionAttendanceRequest.newBuilder()
				.addSessionIds(mine.getId()).addSessionIds(theirs.getId()).addSessionIds(UUID.randomUUID().toString()).build())
				.getSessionsList()).extracting(SessionAttendance::getSessionId).containsExactly(mine.getId());
			assertRefused(failureOf(() -> asSpeaker.listEventSessionAttendance(ListEventSessionAttendanceRequest.newBuilder()
				.setEventId(SessionAttendanceTests.this.event.getId()).build())), Status.Code.PERMISSION_DENIED,
					ErrorCode.PERMISSION_DENIED);
			assertRefused(failureOf(() -> asSpeaker.listSessionAttendees(ListSessionAttendeesRequest.newBuilder()
				.setSessionId(mine.getId()).build())), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void anotherOrganizerReadsNoCountsAndABatchTooLargeIsRefused() {
			Session talk = session("Keynote", 0, 60);
			var other = attendanceAs(organizerToken(newUser("Otto Other", "ORGANIZER")));

			assertRefused(failureOf(() -> other.getSessionAttendance(GetSessionAttendanceRequest.newBuilder()
				.setSessionId(talk.getId()).build())), Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertThat(other.batchGetSessionAttendance(BatchGetSessionAttendanceRequest.newBuilder()
				.addSessionIds(talk.getId()).build()).getSessionsList()).isEmpty();
			BatchGetSessionAttendanceRequest.Builder tooMany = BatchGetSessionAttendanceRequest.newBuilder();
			for (int i = 0; i < 101; i++) {
				tooMany.addSessionIds(UUID.randomUUID().toString());
			}
			assertInvalid(failureOf(() -> SessionAttendanceTests.this.attendance.batchGetSessionAttendance(tooMany.build())),
					"sessionIds");
		}

		@Test
		void listsWhoAttendedEarliestScanFirstPageByPage() {
			Session talk = session("Keynote", 0, 60);
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			List<String> names = List.of("Carla", "Ada", "Bob");
			for (int i = 0; i < names.size(); i++) {
				SessionAttendanceTests.this.attendance.checkInToSession(SessionCheckInRequest.newBuilder()
					.setSessionId(talk.getId()).setCode(codeOf(confirmed(null, names.get(i)))).setDeviceId("door")
					.setScannedAt(ProtoTime.of(now.minus(10 - i, ChronoUnit.MINUTES))).build());
			}

			ListSessionAttendeesResponse first = SessionAttendanceTests.this.attendance.listSessionAttendees(
					ListSessionAttendeesRequest.newBuilder().setSessionId(talk.getId())
						.setPage(PageRequest.newBuilder().setPageSize(2).setIncludeTotalSize(true)).build());
			ListSessionAttendeesResponse second = SessionAttendanceTests.this.attendance.listSessionAttendees(
					ListSessionAttendeesRequest.newBuilder().setSessionId(talk.getId())
						.setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(first.getPageInfo().getNextPageToken()))
						.build());

			assertThat(first.getEdgesList()).extracting(edge -> edge.getCheckIn().getAttendeeName()).containsExactly("Carla", "Ada");
			assertThat(first.getPageInfo().getTotalSize()).isEqualTo(3);
			assertThat(second.getEdgesList()).extracting(edge -> edge.getCheckIn().getAttendeeName()).containsExactly("Bob");
			assertThat(second.getPageInfo().getHasNextPage()).isFalse();
		}

	}

}
