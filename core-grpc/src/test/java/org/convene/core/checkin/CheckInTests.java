package org.convene.core.checkin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.TicketIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.OutboxRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.BulkCheckInRequest;
import org.convene.ticket.v1.proto.CheckInOutcome;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInResult;
import org.convene.ticket.v1.proto.TicketState;
import org.convene.ticket.v1.proto.UndoCheckInRequest;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.CHECK_IN;
import static org.convene.schema.core.Tables.OUTBOX;

/** Admitting at the door: every outcome, concurrent scans, bulk, and undo. */
class CheckInTests extends TicketIntegrationTest {

	private CheckInResult scan(String code) {
		return scan(code, "door-1");
	}

	private CheckInResult scan(String code, String device) {
		return this.checkIns.checkIn(CheckInRequest.newBuilder()
			.setCode(code)
			.setEventId(this.event.getId())
			.setDeviceId(device)
			.setLocation("Main entrance")
			.build());
	}

	private List<OutboxRecord> outbox(UUID registration) {
		return this.db.selectFrom(OUTBOX).where(OUTBOX.AGGREGATE_ID.eq(registration)).orderBy(OUTBOX.ID).fetch();
	}

	private static Registration registrationIn(OutboxRecord record) {
		Registration.Builder registration = Registration.newBuilder();
		try {
			JsonFormat.parser().merge(record.getPayload().data(), registration);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new AssertionError(ex);
		}
		return registration.build();
	}

	private List<CheckInRecord> admissions(UUID registration) {
		return this.db.selectFrom(CHECK_IN).where(CHECK_IN.REGISTRATION_ID.eq(registration)).orderBy(CHECK_IN.RECORDED_AT).fetch();
	}

	@Nested
	class Scanning {

		@Test
		void admitsAConfirmedTicketAndRecordsCheckinCompletedInTheSameTransaction() {
			UUID registration = confirmed("Ada Lovelace");

			CheckInResult result = scan(codeOf(registration));

			assertThat(result.getOutcome()).isEqualTo(CheckInOutcome.ADMITTED);
			assertThat(result.getRegistration().getStatus()).isEqualTo(RegistrationStatus.CHECKED_IN);
			assertThat(result.getCheckIn().getDeviceId()).isEqualTo("door-1");
			assertThat(result.getCheckIn().getOffline()).isFalse();
			RegistrationRecord stored = fixtures.registration(registration);
			assertThat(stored.getStatus()).isEqualTo("CHECKED_IN");
			assertThat(stored.getCheckedInAt()).isEqualTo(ProtoTime.toInstant(result.getCheckIn().getScannedAt()));
			assertThat(admissions(registration)).singleElement()
				.satisfies(admission -> assertThat(admission.getId().toString()).isEqualTo(result.getCheckIn().getId()));
			assertThat(outbox(registration)).singleElement().satisfies(record -> {
				assertThat(record.getEventType()).isEqualTo("checkin.completed");
				assertThat(record.getAggregateType()).isEqualTo("registration");
				Registration payload = registrationIn(record);
				assertThat(payload.getId()).isEqualTo(registration.toString());
				assertThat(payload.getStatus()).isEqualTo(RegistrationStatus.CHECKED_IN);
				assertThat(payload.getCheckedInAt()).isEqualTo(result.getCheckIn().getScannedAt());
			});
		}

		@Test
		void reportsTheFirstAdmissionOnASecondScanWithoutRecordingAnother() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			CheckInResult first = scan(code, "door-1");

			CheckInResult second = scan(code, "door-2");

			assertThat(second.getOutcome()).isEqualTo(CheckInOutcome.ALREADY_ADMITTED);
			assertThat(second.getCheckIn()).isEqualTo(first.getCheckIn());
			assertThat(admissions(registration)).hasSize(1);
			assertThat(outbox(registration)).hasSize(1);
		}

		@Test
		void refusesWhatIsNotATicketOfThisEvent() {
			Event other = publishedEvent(organizerId, "Another night", Visibility.PUBLIC);
			String otherEventsCode = codeOf(fixtures.confirmed(other.getId(), fixtures.ticketType(other.getId(), "VIP"), null, "Ada"));
			String code = codeOf(confirmed("Grace Hopper"));

			String forged = code.substring(0, 120) + (code.charAt(120) == 'A' ? 'B' : 'A') + code.substring(121);

			for (String notATicket : List.of(otherEventsCode, "hello", "", forged)) {
				CheckInResult result = scan(notATicket);

				assertThat(result.getOutcome()).isEqualTo(CheckInOutcome.NOT_A_TICKET);
				assertThat(result.hasRegistration()).isFalse();
			}
		}

		@Test
		void refusesTheTicketOfACancelledRegistration() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			fixtures.cancel(registration, Instant.now());

			CheckInResult result = scan(code);

			assertThat(result.getOutcome()).isEqualTo(CheckInOutcome.TICKET_REVOKED);
			assertThat(result.getRegistration().getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
			assertThat(admissions(registration)).isEmpty();
		}

		@Test
		void refusesTheTicketOfAnUnconfirmedRegistration() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			fixtures.makePending(registration);

			assertThat(scan(code).getOutcome()).isEqualTo(CheckInOutcome.TICKET_NOT_CONFIRMED);
			assertThat(admissions(registration)).isEmpty();
		}

		@Test
		void needsADeviceId() {
			String code = codeOf(confirmed("Ada Lovelace"));

			assertInvalid(failureOf(() -> scan(code, " ")), "deviceId");
			assertInvalid(failureOf(() -> scan(code, "x".repeat(101))), "deviceId");
		}

		@Test
		void admitsExactlyOnceWhenTwentyDevicesScanOneTicketAtOnce() throws Exception {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			ExecutorService pool = Executors.newFixedThreadPool(20);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<CheckInResult>> scans = new ArrayList<>();
			try {
				for (int i = 0; i < 20; i++) {
					String device = "door-" + i;
					scans.add(pool.submit(() -> {
						start.await();
						return scan(code, device);
					}));
				}
				start.countDown();
				List<CheckInResult> results = new ArrayList<>();
				for (Future<CheckInResult> result : scans) {
					results.add(result.get(30, TimeUnit.SECONDS));
				}

				assertThat(results).filteredOn(r -> r.getOutcome() == CheckInOutcome.ADMITTED).hasSize(1);
				assertThat(results).filteredOn(r -> r.getOutcome() == CheckInOutcome.ALREADY_ADMITTED).hasSize(19);
				assertThat(results).extracting(r -> r.getCheckIn().getId()).containsOnly(admissions(registration).get(0).getId().toString());
				assertThat(admissions(registration)).hasSize(1);
				assertThat(outbox(registration)).hasSize(1);
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

	@Nested
	class Bulk {

		private BulkCheckInRequest.Builder request(List<String> codes) {
			return BulkCheckInRequest.newBuilder()
				.setEventId(event.getId())
				.setDeviceId("gate-scanner")
				.setLocation("Gate B")
				.addAllCodes(codes);
		}

		@Test
		void answersEachCodeInOrderWithoutOneFailingTheOthers() {
			UUID ada = confirmed("Ada Lovelace");
			UUID grace = confirmed("Grace Hopper");
			UUID carl = confirmed("Carl Cancelled");
			String carlsCode = codeOf(carl);
			fixtures.cancel(carl, Instant.now());
			String gracesCode = codeOf(grace);
			scan(gracesCode);

			List<CheckInResult> results = checkIns
				.bulkCheckIn(request(List.of(codeOf(ada), "garbage", gracesCode, carlsCode, codeOf(ada))).build())
				.getResultsList();

			assertThat(results).extracting(CheckInResult::getOutcome)
				.containsExactly(CheckInOutcome.ADMITTED, CheckInOutcome.NOT_A_TICKET, CheckInOutcome.ALREADY_ADMITTED,
						CheckInOutcome.TICKET_REVOKED, CheckInOutcome.ALREADY_ADMITTED);
			assertThat(results.get(0).getCheckIn().getLocation()).isEqualTo("Gate B");
			assertThat(results.get(4).getCheckIn()).isEqualTo(results.get(0).getCheckIn());
		}

		@Test
		void takesFiveHundredCodesAndNoMore() {
			List<String> codes = new ArrayList<>(Collections.nCopies(499, "garbage"));
			codes.add(codeOf(confirmed("Ada Lovelace")));

			List<CheckInResult> results = checkIns.bulkCheckIn(request(codes).build()).getResultsList();

			assertThat(results).hasSize(500);
			assertThat(results.get(499).getOutcome()).isEqualTo(CheckInOutcome.ADMITTED);
			codes.add("one too many");
			assertInvalid(failureOf(() -> checkIns.bulkCheckIn(request(codes).build())), "codes");
			assertInvalid(failureOf(() -> checkIns.bulkCheckIn(request(List.of()).build())), "codes");
		}

	}

	@Nested
	class Undoing {

		private Registration undo(UUID registration, String reason) {
			return checkIns.undoCheckIn(
					UndoCheckInRequest.newBuilder().setRegistrationId(registration.toString()).setReason(reason).build());
		}

		@Test
		void makesTheRegistrationConfirmedAgainAndKeepsTheUndoneAdmission() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			scan(code);

			Registration undone = undo(registration, "Scanned the wrong ticket");

			assertThat(undone.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(undone.hasCheckedInAt()).isFalse();
			assertThat(fixtures.registration(registration).getCheckedInAt()).isNull();
			assertThat(admissions(registration)).singleElement().satisfies(admission -> {
				assertThat(admission.getUndoneAt()).isNotNull();
				assertThat(admission.getUndoneBy()).isEqualTo("user:" + organizerId);
				assertThat(admission.getUndoReason()).isEqualTo("Scanned the wrong ticket");
			});
			assertThat(outbox(registration)).extracting(OutboxRecord::getEventType).containsExactly("checkin.completed");
			assertThat(tickets.validateTicket(ValidateTicketRequest.newBuilder().setCode(code).setEventId(event.getId()).build())
				.getState()).isEqualTo(TicketState.VALID);
		}

		@Test
		void letsTheTicketBeAdmittedAgain() {
			UUID registration = confirmed("Ada Lovelace");
			String code = codeOf(registration);
			CheckInResult first = scan(code);
			undo(registration, "");

			CheckInResult again = scan(code, "door-2");

			assertThat(again.getOutcome()).isEqualTo(CheckInOutcome.ADMITTED);
			assertThat(again.getCheckIn().getId()).isNotEqualTo(first.getCheckIn().getId());
			assertThat(admissions(registration)).hasSize(2);
			assertThat(outbox(registration)).extracting(OutboxRecord::getEventType)
				.containsExactly("checkin.completed", "checkin.completed");
		}

		@Test
		void refusesARegistrationThatIsNotAdmitted() {
			UUID registration = confirmed("Ada Lovelace");

			assertRefused(failureOf(() -> undo(registration, "")), Status.Code.FAILED_PRECONDITION,
					ErrorCode.INVALID_STATE_TRANSITION, "registrationId");
			assertRefused(failureOf(() -> undo(UUID.randomUUID(), "")), Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND,
					"registrationId");
		}

	}

	@Test
	void recordsScansAtTheMicrosecondTheDatabaseKeeps() {
		UUID registration = confirmed("Ada Lovelace");

		CheckInResult result = scan(codeOf(registration));

		Instant scannedAt = ProtoTime.toInstant(result.getCheckIn().getScannedAt());
		assertThat(scannedAt).isEqualTo(scannedAt.truncatedTo(ChronoUnit.MICROS));
		assertThat(result.getRegistration().getCheckedInAt()).isEqualTo(result.getCheckIn().getScannedAt());
	}

}
