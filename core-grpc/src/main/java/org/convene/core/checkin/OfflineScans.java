package org.convene.core.checkin;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.ticket.TicketCodes;
import org.convene.core.ticket.TicketRegistrations;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.OfflineScanOutcome;

import static org.convene.schema.core.Tables.OFFLINE_SCAN;

/**
 * Records one uploaded offline scan, in a transaction of its own. A ticket's admission is its
 * earliest scan, ties going to the smallest device id (compared as text), whatever order the
 * scans arrive in: an uploaded scan earlier than the standing admission replaces it. A
 * (device, nonce) seen before changes nothing. A ticket cancelled by the time the scan is
 * uploaded is rejected, even when the scan was made before the cancellation: the seat went
 * back and may be refunded or taken, which a late upload does not undo; the scan stays in
 * core.offline_scan with its time for the organizer to see.
 */
@Component
class OfflineScans {

	/** Earlier scan first, then smaller device id. */
	static final Comparator<CheckInRecord> PRECEDENCE = Comparator.comparing(CheckInRecord::getScannedAt)
		.thenComparing(CheckInRecord::getDeviceId);

	/**
	 * What became of a scan.
	 *
	 * @param outcome as reported before the upload's other scans are taken into account
	 * @param registrationId the ticket's registration, when the code was one of the event's
	 * @param admissionId the admission this scan made, when ACCEPTED
	 */
	record Recorded(OfflineScanOutcome outcome, UUID registrationId, UUID admissionId) {
	}

	private final DSLContext db;

	private final TicketCodes codes;

	private final TicketRegistrations registrations;

	private final AdmissionLog log;

	OfflineScans(DSLContext db, TicketCodes codes, TicketRegistrations registrations, AdmissionLog log) {
		this.db = db;
		this.codes = codes;
		this.registrations = registrations;
		this.log = log;
	}

	@Transactional
	Recorded record(UUID eventId, ScanPoint point, String code, String nonce, Instant scannedAt) {
		int received = this.db.insertInto(OFFLINE_SCAN)
			.set(OFFLINE_SCAN.DEVICE_ID, point.deviceId())
			.set(OFFLINE_SCAN.NONCE, nonce)
			.set(OFFLINE_SCAN.SCANNED_AT, scannedAt)
			.set(OFFLINE_SCAN.OUTCOME, "RECEIVED")
			.onConflictDoNothing()
			.execute();
		if (received == 0) {
			UUID registrationId = this.db.select(OFFLINE_SCAN.REGISTRATION_ID)
				.from(OFFLINE_SCAN)
				.where(OFFLINE_SCAN.DEVICE_ID.eq(point.deviceId()))
				.and(OFFLINE_SCAN.NONCE.eq(nonce))
				.fetchSingle(OFFLINE_SCAN.REGISTRATION_ID);
			return new Recorded(OfflineScanOutcome.DUPLICATE, registrationId, null);
		}
		Recorded recorded = judge(eventId, point, code, scannedAt);
		this.db.update(OFFLINE_SCAN)
			.set(OFFLINE_SCAN.REGISTRATION_ID, recorded.registrationId())
			.set(OFFLINE_SCAN.OUTCOME, recorded.outcome().name())
			.where(OFFLINE_SCAN.DEVICE_ID.eq(point.deviceId()))
			.and(OFFLINE_SCAN.NONCE.eq(nonce))
			.execute();
		return recorded;
	}

	private Recorded judge(UUID eventId, ScanPoint point, String code, Instant scannedAt) {
		RegistrationRecord registration = this.codes.read(code)
			.map(ticket -> this.registrations.ofTicket(ticket, eventId, true))
			.orElse(null);
		if (registration == null) {
			return new Recorded(OfflineScanOutcome.REJECTED_UNKNOWN, null, null);
		}
		UUID id = registration.getId();
		if ("CANCELLED".equals(registration.getStatus())) {
			return new Recorded(OfflineScanOutcome.REJECTED_REVOKED, id, null);
		}
		if (!"CONFIRMED".equals(registration.getStatus()) && !"CHECKED_IN".equals(registration.getStatus())) {
			// signed codes are issued to confirmed registrations only, which never go back
			return new Recorded(OfflineScanOutcome.REJECTED_UNKNOWN, id, null);
		}
		CheckInRecord standing = this.registrations.admission(id);
		if (standing == null) {
			CheckInRecord admission = this.log.admit(registration, scannedAt, point, true);
			return admission == null ? new Recorded(OfflineScanOutcome.CONFLICT, id, null)
					: new Recorded(OfflineScanOutcome.ACCEPTED, id, admission.getId());
		}
		if (PRECEDENCE.compare(candidate(scannedAt, point), standing) < 0) {
			CheckInRecord admission = this.log.supersede(registration, standing, scannedAt, point);
			return new Recorded(OfflineScanOutcome.ACCEPTED, id, admission.getId());
		}
		return new Recorded(OfflineScanOutcome.CONFLICT, id, null);
	}

	private static CheckInRecord candidate(Instant scannedAt, ScanPoint point) {
		CheckInRecord scan = new CheckInRecord();
		scan.setScannedAt(scannedAt);
		scan.setDeviceId(point.deviceId());
		return scan;
	}

}
