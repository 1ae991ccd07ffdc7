package org.convene.core.checkin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.convene.core.support.TicketIntegrationTest;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.OfflineScanRecord;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.OfflineScan;
import org.convene.ticket.v1.proto.OfflineScanOutcome;
import org.convene.ticket.v1.proto.OfflineScanResult;
import org.convene.ticket.v1.proto.UploadOfflineScansRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.schema.core.Tables.CHECK_IN;
import static org.convene.schema.core.Tables.OFFLINE_SCAN;
import static org.convene.schema.core.Tables.OUTBOX;

/**
 * Offline scans: the earliest scan of a ticket (then the smallest device id) is its admission,
 * whatever order the uploads arrive in.
 */
class OfflineScanTests extends TicketIntegrationTest {

	private static final Instant TEN = Instant.parse("2031-11-20T17:00:00Z");

	private static final Instant TEN_PAST_FIVE = TEN.plus(5, ChronoUnit.MINUTES);

	private static OfflineScan offline(String code, Instant scannedAt, String nonce) {
		return OfflineScan.newBuilder().setCode(code).setScannedAt(ProtoTime.of(scannedAt)).setNonce(nonce).build();
	}

	private List<OfflineScanResult> upload(String device, OfflineScan... scans) {
		return this.checkIns.uploadOfflineScans(UploadOfflineScansRequest.newBuilder()
			.setEventId(this.event.getId())
			.setDeviceId(device)
			.setLocation("Side door")
			.addAllScans(List.of(scans))
			.build()).getResultsList();
	}

	/** The standing admission of a registration. */
	private CheckInRecord admission(UUID registration) {
		return this.db.fetchOne(CHECK_IN, CHECK_IN.REGISTRATION_ID.eq(registration).and(CHECK_IN.UNDONE_AT.isNull()));
	}

	private int completions(UUID registration) {
		return this.db.fetchCount(OUTBOX, OUTBOX.AGGREGATE_ID.eq(registration).and(OUTBOX.EVENT_TYPE.eq("checkin.completed")));
	}

	private static String nonce() {
		return UUID.randomUUID().toString();
	}

	@Test
	void acceptsTheFirstScanOfATicketAsItsAdmissionAtTheDevicesTime() {
		UUID registration = confirmed("Ada Lovelace");

		List<OfflineScanResult> results = upload("door-b", offline(codeOf(registration), TEN, nonce()));

		assertThat(results).singleElement().satisfies(result -> {
			assertThat(result.getIndex()).isZero();
			assertThat(result.getOutcome()).isEqualTo(OfflineScanOutcome.ACCEPTED);
			assertThat(result.getAdmission().getDeviceId()).isEqualTo("door-b");
			assertThat(result.getAdmission().getOffline()).isTrue();
			assertThat(ProtoTime.toInstant(result.getAdmission().getScannedAt())).isEqualTo(TEN);
		});
		assertThat(this.fixtures.registration(registration).getStatus()).isEqualTo("CHECKED_IN");
		assertThat(this.fixtures.registration(registration).getCheckedInAt()).isEqualTo(TEN);
		assertThat(completions(registration)).isOne();
	}

	@Test
	void makesAnEarlierScanUploadedLaterTheAdmissionAndKeepsTheReplacedOneUndone() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		String laterNonce = nonce();
		upload("door-b", offline(code, TEN_PAST_FIVE, laterNonce));

		List<OfflineScanResult> earlier = upload("door-a", offline(code, TEN, nonce()));

		assertThat(earlier.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.ACCEPTED);
		assertThat(admission(registration).getDeviceId()).isEqualTo("door-a");
		assertThat(this.fixtures.registration(registration).getCheckedInAt()).isEqualTo(TEN);
		assertThat(this.db.fetchOne(CHECK_IN, CHECK_IN.REGISTRATION_ID.eq(registration).and(CHECK_IN.DEVICE_ID.eq("door-b"))))
			.satisfies(replaced -> assertThat(replaced.getUndoReason()).contains("earlier scan", "door-a"));
		assertThat(this.db.fetchValue(OFFLINE_SCAN.OUTCOME, OFFLINE_SCAN.NONCE.eq(laterNonce))).isEqualTo("CONFLICT");
		assertThat(completions(registration)).as("admitted once").isOne();
		List<OfflineScanResult> repeated = upload("door-b", offline(code, TEN_PAST_FIVE, laterNonce));
		assertThat(repeated.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.DUPLICATE);
		assertThat(repeated.get(0).getAdmission().getDeviceId()).isEqualTo("door-a");
	}

	@Test
	void reportsALaterScanAsAConflictWithTheEarlierAdmission() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		upload("door-a", offline(code, TEN, nonce()));

		List<OfflineScanResult> later = upload("door-b", offline(code, TEN_PAST_FIVE, nonce()));

		assertThat(later.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.CONFLICT);
		assertThat(later.get(0).getAdmission().getDeviceId()).isEqualTo("door-a");
		assertThat(admission(registration).getDeviceId()).isEqualTo("door-a");
	}

	@Test
	void endsWithTheSameAdmissionWhicheverUploadArrivesFirst() {
		UUID first = confirmed("Ada Lovelace");
		UUID second = confirmed("Grace Hopper");
		upload("door-a", offline(codeOf(first), TEN, nonce()));
		upload("door-b", offline(codeOf(first), TEN_PAST_FIVE, nonce()));
		upload("door-b", offline(codeOf(second), TEN_PAST_FIVE, nonce()));
		upload("door-a", offline(codeOf(second), TEN, nonce()));

		assertThat(List.of(admission(first), admission(second))).allSatisfy(admission -> {
			assertThat(admission.getDeviceId()).isEqualTo("door-a");
			assertThat(admission.getScannedAt()).isEqualTo(TEN);
		});
	}

	@Test
	void breaksTiesByTheSmallestDeviceIdInEitherOrder() {
		UUID first = confirmed("Ada Lovelace");
		UUID second = confirmed("Grace Hopper");

		List<OfflineScanResult> bFirst = upload("door-b", offline(codeOf(first), TEN, nonce()));
		List<OfflineScanResult> aSecond = upload("door-a", offline(codeOf(first), TEN, nonce()));
		List<OfflineScanResult> aFirst = upload("door-a", offline(codeOf(second), TEN, nonce()));
		List<OfflineScanResult> bSecond = upload("door-b", offline(codeOf(second), TEN, nonce()));

		assertThat(bFirst.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.ACCEPTED);
		assertThat(aSecond.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.ACCEPTED);
		assertThat(aFirst.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.ACCEPTED);
		assertThat(bSecond.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.CONFLICT);
		assertThat(admission(first).getDeviceId()).isEqualTo("door-a");
		assertThat(admission(second).getDeviceId()).isEqualTo("door-a");
	}

	@Test
	void reportsTheScanThatLostWithinOneUploadAsAConflict() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);

		List<OfflineScanResult> results = upload("door-a", offline(code, TEN_PAST_FIVE, nonce()), offline(code, TEN, nonce()));

		assertThat(results).extracting(OfflineScanResult::getOutcome)
			.containsExactly(OfflineScanOutcome.CONFLICT, OfflineScanOutcome.ACCEPTED);
		assertThat(results).extracting(result -> ProtoTime.toInstant(result.getAdmission().getScannedAt()))
			.containsOnly(TEN);
	}

	@Test
	void changesNothingForANonceTheDeviceSentBefore() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		String nonce = nonce();
		upload("door-a", offline(code, TEN_PAST_FIVE, nonce));

		List<OfflineScanResult> again = upload("door-a", offline(code, TEN, nonce), offline(code, TEN, nonce));

		assertThat(again).extracting(OfflineScanResult::getOutcome)
			.containsExactly(OfflineScanOutcome.DUPLICATE, OfflineScanOutcome.DUPLICATE);
		assertThat(admission(registration).getScannedAt()).isEqualTo(TEN_PAST_FIVE);
		assertThat(this.db.fetchCount(CHECK_IN, CHECK_IN.REGISTRATION_ID.eq(registration))).isOne();
		assertThat(upload("door-b", offline(code, TEN, nonce)).get(0).getOutcome())
			.as("the same nonce from another device is another scan")
			.isEqualTo(OfflineScanOutcome.ACCEPTED);
	}

	@Test
	void rejectsScansOfATicketCancelledBeforeTheUploadWhenEverTheyWereMade() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		Instant cancelledAt = TEN.plus(2, ChronoUnit.MINUTES);
		this.fixtures.cancel(registration, cancelledAt);

		List<OfflineScanResult> results = upload("door-a", offline(code, TEN, nonce()), offline(code, TEN_PAST_FIVE, nonce()));

		assertThat(results).extracting(OfflineScanResult::getOutcome)
			.containsExactly(OfflineScanOutcome.REJECTED_REVOKED, OfflineScanOutcome.REJECTED_REVOKED);
		assertThat(results).noneMatch(OfflineScanResult::hasAdmission);
		assertThat(admission(registration)).isNull();
		assertThat(this.db.fetch(OFFLINE_SCAN, OFFLINE_SCAN.REGISTRATION_ID.eq(registration)))
			.as("kept for the organizer, with the scan time")
			.extracting(OfflineScanRecord::getScannedAt)
			.containsExactlyInAnyOrder(TEN, TEN_PAST_FIVE);
	}

	@Test
	void rejectsWhatIsNotATicketOfTheEvent() {
		List<OfflineScanResult> results = upload("door-a", offline("CV1.nope.nope", TEN, nonce()));

		assertThat(results.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.REJECTED_UNKNOWN);
		assertThat(results.get(0).hasAdmission()).isFalse();
	}

	@Test
	void replacesAnOnlineAdmissionWithAnEarlierOfflineScan() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		this.checkIns.checkIn(CheckInRequest.newBuilder()
			.setCode(code)
			.setEventId(this.event.getId())
			.setDeviceId("door-online")
			.build());
		Instant beforeIt = admission(registration).getScannedAt().minus(1, ChronoUnit.MINUTES);

		List<OfflineScanResult> results = upload("door-offline", offline(code, beforeIt, nonce()));

		assertThat(results.get(0).getOutcome()).isEqualTo(OfflineScanOutcome.ACCEPTED);
		assertThat(admission(registration).getDeviceId()).isEqualTo("door-offline");
		assertThat(completions(registration)).isOne();
	}

	@Test
	void refusesUploadsThatAreEmptyTooLargeOrWithoutTimesAndNonces() {
		UUID registration = confirmed("Ada Lovelace");
		String code = codeOf(registration);
		OfflineScan[] tooMany = new OfflineScan[1001];
		Arrays.fill(tooMany, offline(code, TEN, "n"));

		assertInvalid(failureOf(() -> upload("door-a")), "scans");
		assertInvalid(failureOf(() -> upload("door-a", tooMany)), "scans");
		assertInvalid(failureOf(() -> upload("door-a", OfflineScan.newBuilder().setCode(code).setNonce("n").build())),
				"scans[0].scannedAt");
		assertInvalid(failureOf(() -> upload("door-a", offline(code, TEN, nonce()), offline(code, TEN, ""))), "scans[1].nonce");
		assertThat(admission(registration)).as("nothing of a refused upload is taken").isNull();
	}

}
