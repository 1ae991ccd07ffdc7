package org.convene.core.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.ticket.TicketMessages;
import org.convene.core.ticket.TicketRegistrations;
import org.convene.schema.core.tables.records.CheckInRecord;
import org.convene.ticket.v1.proto.OfflineScan;
import org.convene.ticket.v1.proto.OfflineScanOutcome;
import org.convene.ticket.v1.proto.OfflineScanResult;
import org.convene.ticket.v1.proto.UploadOfflineScansRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansResponse;

/**
 * Takes a device's offline scans scan by scan ({@link OfflineScans}), then answers each with
 * its ticket's admission as it stands after the whole upload: a scan accepted and then
 * replaced by an earlier one of the same upload is reported as CONFLICT.
 */
@Component
class OfflineUploads {

	static final int MAX_SCANS = 1000;

	private final OfflineScans scans;

	private final TicketRegistrations registrations;

	OfflineUploads(OfflineScans scans, TicketRegistrations registrations) {
		this.scans = scans;
		this.registrations = registrations;
	}

	/** Checks the whole upload before taking any of it. */
	static List<Instant> validate(UploadOfflineScansRequest request) {
		ScanInput.count(request.getScansCount(), MAX_SCANS, "scans");
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < request.getScansCount(); i++) {
			OfflineScan scan = request.getScans(i);
			ScanInput.text(scan.getNonce(), "scans[" + i + "].nonce", 1, 100);
			times.add(ScanInput.instant(scan.getScannedAt(), scan.hasScannedAt(), "scans[" + i + "].scannedAt"));
		}
		return times;
	}

	UploadOfflineScansResponse upload(UUID eventId, ScanPoint point, UploadOfflineScansRequest request, List<Instant> times) {
		List<OfflineScans.Recorded> recorded = new ArrayList<>();
		for (int i = 0; i < request.getScansCount(); i++) {
			OfflineScan scan = request.getScans(i);
			recorded.add(this.scans.record(eventId, point, scan.getCode(), scan.getNonce().strip(), times.get(i)));
		}
		Map<UUID, CheckInRecord> admissions = this.registrations
			.admissions(recorded.stream().map(OfflineScans.Recorded::registrationId).filter(Objects::nonNull).toList());
		UploadOfflineScansResponse.Builder response = UploadOfflineScansResponse.newBuilder();
		for (int i = 0; i < recorded.size(); i++) {
			OfflineScans.Recorded scan = recorded.get(i);
			CheckInRecord admission = scan.registrationId() == null ? null : admissions.get(scan.registrationId());
			OfflineScanOutcome outcome = scan.outcome();
			if (outcome == OfflineScanOutcome.ACCEPTED && (admission == null || !admission.getId().equals(scan.admissionId()))) {
				outcome = OfflineScanOutcome.CONFLICT;
			}
			OfflineScanResult.Builder result = OfflineScanResult.newBuilder().setIndex(i).setOutcome(outcome);
			if (admission != null && outcome != OfflineScanOutcome.REJECTED_REVOKED) {
				result.setAdmission(TicketMessages.admission(admission));
			}
			response.addResults(result);
		}
		return response.build();
	}

}
