package org.convene.gateway.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.AuditServiceGrpc.AuditServiceBlockingStub;
import org.convene.core.v1.proto.ListAuditRecordsRequest;
import org.convene.core.v1.proto.ListAuditRecordsResponse;
import org.convene.gateway.paging.Pagination;
import org.convene.grpc.ApiException;
import org.convene.grpc.ProtoTime;

/**
 * Reads the audit log from core for REST and GraphQL, newest first, a page at a time; the
 * log pages by cursor only (it only grows, and fast).
 */
@Component
class AuditLog {

	private final AuditServiceBlockingStub audit;

	AuditLog(@Qualifier("auditService") AuditServiceBlockingStub audit) {
		this.audit = audit;
	}

	Page read(Filter filter, Integer pageSize, String cursor) {
		ListAuditRecordsRequest.Builder request = ListAuditRecordsRequest.newBuilder()
			.setPage(Pagination.cursorOnly(pageSize, cursor));
		if (filter.actor() != null) {
			request.setActor(filter.actor());
		}
		if (filter.operation() != null) {
			request.setOperation(filter.operation());
		}
		if (filter.correlationId() != null) {
			request.setCorrelationId(filter.correlationId());
		}
		if (filter.outcome() != null) {
			request.setOutcome(filter.outcome());
		}
		if (filter.from() != null) {
			request.setFrom(ProtoTime.of(instant(filter.from(), "from").toInstant()));
		}
		if (filter.to() != null) {
			request.setTo(ProtoTime.of(instant(filter.to(), "to").toInstant()));
		}
		ListAuditRecordsResponse response = this.audit.listAuditRecords(request.build());
		String next = response.getPageInfo().getNextPageToken();
		return new Page(response.getRecordsList().stream().map(AuditRecordView::of).toList(), !next.isEmpty(),
				next.isEmpty() ? null : next);
	}

	private static OffsetDateTime instant(String value, String field) {
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(field, "must be an RFC 3339 date-time, e.g. 2027-05-04T09:00:00Z");
		}
	}

	/** What to look for; null fields match everything. */
	record Filter(String actor, String operation, String correlationId, String outcome, String from, String to) {
	}

	/**
	 * A page of records.
	 *
	 * @param data the records, newest first
	 * @param hasNextPage whether older records follow
	 * @param nextCursor the cursor of the next page, or null
	 */
	record Page(List<AuditRecordView> data, boolean hasNextPage, String nextCursor) {
	}

}
