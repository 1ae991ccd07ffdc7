package org.convene.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Service;

import org.convene.common.v1.proto.PageInfo;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.paging.LogPage;
import org.convene.core.v1.proto.AuditChange;
import org.convene.core.v1.proto.AuditEntry;
import org.convene.core.v1.proto.AuditRecord;
import org.convene.core.v1.proto.AuditServiceGrpc;
import org.convene.core.v1.proto.ListAuditRecordsRequest;
import org.convene.core.v1.proto.ListAuditRecordsResponse;
import org.convene.core.v1.proto.RecordAuditEntriesRequest;
import org.convene.grpc.ApiException;
import org.convene.grpc.ProtoTime;

import static org.convene.schema.core.Tables.AUDIT_LOG;
import static org.convene.schema.core.Tables.OUTBOX;

/** {@code convene.core.v1.AuditService}: administrators read the log; the gateway adds its own records. */
@Service
class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {

	private static final int DEFAULT_PAGE = 50;

	private static final int MAX_PAGE = 500;

	private final AuditRepository repository;

	private final AuditLog log;

	AuditGrpcService(AuditRepository repository, AuditLog log) {
		this.repository = repository;
		this.log = log;
	}

	@Override
	public void listAuditRecords(ListAuditRecordsRequest request, StreamObserver<ListAuditRecordsResponse> response) {
		Caller caller = RequestContext.current().caller();
		caller.require(Scopes.ADMIN);
		if (!caller.isAdmin()) {
			throw Caller.denied("The audit log is for administrators");
		}
		LogPage requested = LogPage.of(request.getPage(), "audit", DEFAULT_PAGE, MAX_PAGE);
		List<Record> rows = this.repository.page(filter(request), requested.beforeId(), requested.limit());
		List<Record> page = requested.rows(rows);
		Map<String, List<Record>> changes = this.repository
			.changes(page.stream().map(r -> r.get(AUDIT_LOG.CORRELATION_ID)).filter(c -> c != null).distinct().toList());
		ListAuditRecordsResponse.Builder result = ListAuditRecordsResponse.newBuilder();
		for (Record row : page) {
			String correlationId = row.get(AUDIT_LOG.CORRELATION_ID);
			result.addRecords(toProto(row, correlationId == null ? List.of() : changes.getOrDefault(correlationId, List.of())));
		}
		PageInfo info = requested.info(rows, "audit", row -> row.get(AUDIT_LOG.ID));
		response.onNext(result.setPageInfo(info).build());
		response.onCompleted();
	}

	@Override
	public void recordAuditEntries(RecordAuditEntriesRequest request, StreamObserver<Empty> response) {
		Caller caller = RequestContext.current().caller();
		caller.require(Scopes.INTERNAL);
		if (request.getEntriesCount() > 500) {
			throw ApiException.invalid("entries", "at most 500 per call");
		}
		for (AuditEntry entry : request.getEntriesList()) {
			this.log.add(new AuditRepository.Entry(
					entry.hasOccurredAt() ? ProtoTime.toInstant(entry.getOccurredAt()) : Instant.now(), entry.getActor(),
					entry.getClientId().isEmpty() ? null : entry.getClientId(), entry.getOperation(), entry.getOutcome(),
					entry.getClientAddress(), entry.getCorrelationId(), entry.getDurationMs()));
		}
		response.onNext(Empty.getDefaultInstance());
		response.onCompleted();
	}

	private static Condition filter(ListAuditRecordsRequest request) {
		List<Condition> conditions = new ArrayList<>();
		if (!request.getActor().isEmpty()) {
			conditions.add(AUDIT_LOG.ACTOR.eq(request.getActor()));
		}
		if (!request.getOperation().isEmpty()) {
			conditions.add(AUDIT_LOG.OPERATION.startsWith(request.getOperation()));
		}
		if (!request.getCorrelationId().isEmpty()) {
			conditions.add(AUDIT_LOG.CORRELATION_ID.eq(request.getCorrelationId()));
		}
		if (!request.getOutcome().isEmpty()) {
			conditions.add(AUDIT_LOG.OUTCOME.eq(request.getOutcome()));
		}
		if (request.hasFrom()) {
			conditions.add(AUDIT_LOG.OCCURRED_AT.ge(ProtoTime.toInstant(request.getFrom())));
		}
		if (request.hasTo()) {
			conditions.add(AUDIT_LOG.OCCURRED_AT.lt(ProtoTime.toInstant(request.getTo())));
		}
		return DSL.and(conditions);
	}

	private static AuditRecord toProto(Record row, List<Record> changes) {
		AuditRecord.Builder record = AuditRecord.newBuilder()
			.setId(row.get(AUDIT_LOG.ID))
			.setOccurredAt(ProtoTime.of(row.get(AUDIT_LOG.OCCURRED_AT)))
			.setActor(row.get(AUDIT_LOG.ACTOR))
			.setOperation(row.get(AUDIT_LOG.OPERATION))
			.setOutcome(row.get(AUDIT_LOG.OUTCOME));
		if (row.get(AUDIT_LOG.CLIENT_ID) != null) {
			record.setClientId(row.get(AUDIT_LOG.CLIENT_ID));
		}
		if (row.get(AUDIT_LOG.CLIENT_ADDRESS) != null) {
			record.setClientAddress(row.get(AUDIT_LOG.CLIENT_ADDRESS));
		}
		if (row.get(AUDIT_LOG.CORRELATION_ID) != null) {
			record.setCorrelationId(row.get(AUDIT_LOG.CORRELATION_ID));
		}
		if (row.get(AUDIT_LOG.DURATION_MS) != null) {
			record.setDurationMs(row.get(AUDIT_LOG.DURATION_MS));
		}
		for (Record change : changes) {
			record.addChanges(AuditChange.newBuilder()
				.setEventType(change.get(OUTBOX.EVENT_TYPE))
				.setAggregateType(change.get(OUTBOX.AGGREGATE_TYPE))
				.setAggregateId(change.get(OUTBOX.AGGREGATE_ID).toString()));
		}
		return record.build();
	}

}
