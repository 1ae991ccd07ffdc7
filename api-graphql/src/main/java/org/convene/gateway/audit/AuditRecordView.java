package org.convene.gateway.audit;

import java.time.Instant;
import java.util.List;

import org.convene.core.v1.proto.AuditChange;
import org.convene.core.v1.proto.AuditRecord;
import org.convene.grpc.ProtoTime;

/**
 * One API call in the audit log (REST and GraphQL type AuditRecord).
 *
 * @param id the record's number
 * @param occurredAt when
 * @param actor who: user:&lt;id&gt;, client:&lt;id&gt;, apikey:&lt;id&gt;, anonymous or system
 * @param clientId the OAuth client or API key it came through, or null
 * @param operation what: a gRPC method or a gateway operation
 * @param outcome OK or the error code
 * @param clientAddress from where, or null
 * @param correlationId the request's correlation id, or null
 * @param durationMs how long it took
 * @param changes the changes it caused
 */
record AuditRecordView(String id, Instant occurredAt, String actor, String clientId, String operation, String outcome,
		String clientAddress, String correlationId, int durationMs, List<Change> changes) {

	static AuditRecordView of(AuditRecord record) {
		return new AuditRecordView(Long.toString(record.getId()), ProtoTime.toInstant(record.getOccurredAt()),
				record.getActor(), blankToNull(record.getClientId()), record.getOperation(), record.getOutcome(),
				blankToNull(record.getClientAddress()), blankToNull(record.getCorrelationId()), record.getDurationMs(),
				record.getChangesList().stream().map(Change::of).toList());
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * A change a call caused, as its domain event.
	 *
	 * @param eventType e.g. event.updated
	 * @param aggregateType e.g. event
	 * @param aggregateId the resource's id
	 */
	record Change(String eventType, String aggregateType, String aggregateId) {

		static Change of(AuditChange change) {
			return new Change(change.getEventType(), change.getAggregateType(), change.getAggregateId());
		}

	}

}
