package org.convene.core.checkin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.grpc.RequestContext;
import org.convene.core.outbox.Outbox;
import org.convene.core.registration.RegistrationRecords;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.schema.core.tables.records.RegistrationRecord;

import static org.convene.schema.core.Tables.CHECK_IN;
import static org.convene.schema.core.Tables.OFFLINE_SCAN;

/**
 * Writes admissions and keeps the registration in step: CHECKED_IN with checked_in_at while
 * an admission stands, CONFIRMED again when it is undone. Runs in the caller's transaction,
 * with the registration locked by it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class AdmissionLog {

	static final String COMPLETED = "checkin.completed";

	private final DSLContext db;

	private final Outbox outbox;

	AdmissionLog(DSLContext db, Outbox outbox) {
		this.db = db;
		this.outbox = outbox;
	}

	/**
	 * Admits a CONFIRMED registration and records {@code checkin.completed}. The unique index
	 * "one admission per registration" has the last word: when an admission stands already,
	 * nothing is written and {@code null} returned.
	 */
	CheckInRecord admit(RegistrationRecord registration, Instant scannedAt, ScanPoint point, boolean offline) {
		CheckInRecord admission = insert(registration, scannedAt, point, offline);
		if (admission == null) {
			return null;
		}
		registration.setStatus("CHECKED_IN");
		registration.setCheckedInAt(scannedAt);
		update(registration);
		// Without the ticket code: outbox records reach webhooks, and a code admits its holder.
		this.outbox.record(COMPLETED, "registration", registration.getId(), RegistrationRecords.toProto(registration, 0));
		return admission;
	}

	/**
	 * Replaces an admission with an earlier scan. The registration stays CHECKED_IN, now since
	 * the earlier scan; the replaced record is kept, undone, and an offline scan it came from
	 * is marked CONFLICT. No second checkin.completed: the holder was admitted once.
	 */
	CheckInRecord supersede(RegistrationRecord registration, CheckInRecord previous, Instant scannedAt, ScanPoint point) {
		undo(previous, "Superseded by an earlier scan on device " + point.deviceId());
		this.db.update(OFFLINE_SCAN)
			.set(OFFLINE_SCAN.OUTCOME, "CONFLICT")
			.where(OFFLINE_SCAN.DEVICE_ID.eq(previous.getDeviceId()))
			.and(OFFLINE_SCAN.REGISTRATION_ID.eq(registration.getId()))
			.and(OFFLINE_SCAN.SCANNED_AT.eq(previous.getScannedAt()))
			.and(OFFLINE_SCAN.OUTCOME.eq("ACCEPTED"))
			.execute();
		CheckInRecord admission = insert(registration, scannedAt, point, true);
		registration.setCheckedInAt(scannedAt);
		update(registration);
		return admission;
	}

	/** Reverts an admission: the registration is CONFIRMED again. */
	void revert(RegistrationRecord registration, CheckInRecord admission, String reason) {
		if (admission != null) {
			undo(admission, reason);
		}
		registration.setStatus("CONFIRMED");
		registration.setCheckedInAt(null);
		update(registration);
	}

	private CheckInRecord insert(RegistrationRecord registration, Instant scannedAt, ScanPoint point, boolean offline) {
		return this.db.insertInto(CHECK_IN)
			.set(CHECK_IN.ID, UUID.randomUUID())
			.set(CHECK_IN.REGISTRATION_ID, registration.getId())
			.set(CHECK_IN.EVENT_ID, registration.getEventId())
			.set(CHECK_IN.SCANNED_AT, scannedAt)
			.set(CHECK_IN.DEVICE_ID, point.deviceId())
			.set(CHECK_IN.LOCATION, point.location())
			.set(CHECK_IN.OFFLINE, offline)
			.set(CHECK_IN.RECORDED_BY, RequestContext.current().caller().describe())
			.onConflictDoNothing()
			.returning()
			.fetchOne();
	}

	private void undo(CheckInRecord admission, String reason) {
		this.db.update(CHECK_IN)
			.set(CHECK_IN.UNDONE_AT, now())
			.set(CHECK_IN.UNDONE_BY, RequestContext.current().caller().describe())
			.set(CHECK_IN.UNDO_REASON, reason)
			.where(CHECK_IN.ID.eq(admission.getId()))
			.execute();
	}

	private void update(RegistrationRecord registration) {
		registration.setVersion(registration.getVersion() + 1);
		registration.setUpdatedAt(now());
		registration.update();
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
