package org.convene.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.AuditEntry;
import org.convene.core.v1.proto.AuditRecord;
import org.convene.core.v1.proto.AuditServiceGrpc;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.ListAuditRecordsRequest;
import org.convene.core.v1.proto.RecordAuditEntriesRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditTests extends CoreIntegrationTest {

	private static final Instant START = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@Autowired
	AuditLog log;

	private AuditServiceGrpc.AuditServiceBlockingStub audit;

	@BeforeEach
	void auditAsAdministrator() {
		this.audit = bearer(AuditServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(this.adminId, Set.of("ADMIN"), Scopes.ADMIN));
	}

	@Test
	void recordsEveryCallWithItsCallerOutcomeAndChanges() {
		String correlationId = "audit-" + UUID.randomUUID();
		Event event = eventsWithCorrelationId(correlationId)
			.createEvent(CreateEventRequest.newBuilder().setEvent(Drafts.event("Audited", START, START.plusSeconds(3600))).build());
		this.log.flush();

		AuditRecord record = this.audit.listAuditRecords(ListAuditRecordsRequest.newBuilder().setCorrelationId(correlationId).build())
			.getRecords(0);

		assertThat(record.getActor()).isEqualTo("user:" + this.adminId);
		assertThat(record.getOperation()).isEqualTo("convene.core.v1.EventService/CreateEvent");
		assertThat(record.getOutcome()).isEqualTo("OK");
		assertThat(record.getClientId()).isEqualTo("web-app");
		assertThat(record.getChangesList()).singleElement()
			.satisfies(change -> assertThat(change.getAggregateId()).isEqualTo(event.getId()))
			.satisfies(change -> assertThat(change.getEventType()).isEqualTo("event.created"));
	}

	@Test
	void recordsRefusedCallsWithTheirErrorCode() {
		UUID attendee = newUser("Attendee");
		String correlationId = "refused-" + UUID.randomUUID();
		var stub = bearer(this.anonymousEvents, this.tokens.user(attendee, Set.of("ATTENDEE"), Scopes.EVENTS_WRITE));
		catchThrowableOfType(StatusRuntimeException.class, () -> withCorrelation(stub, correlationId)
			.createEvent(CreateEventRequest.newBuilder().setEvent(Drafts.event("Denied", START, START.plusSeconds(60))).build()));
		this.log.flush();

		AuditRecord record = this.audit.listAuditRecords(ListAuditRecordsRequest.newBuilder().setCorrelationId(correlationId).build())
			.getRecords(0);

		assertThat(record.getOutcome()).isEqualTo("PERMISSION_DENIED");
		assertThat(record.getActor()).isEqualTo("user:" + attendee);
		assertThat(record.getChangesList()).isEmpty();
	}

	@Test
	void pagesNewestFirstWithPageTokens() {
		String actor = "client:pager-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			this.log.add(new AuditRepository.Entry(Instant.now(), actor, null, "GET /op/" + i, "OK", "", null, 1));
		}
		this.log.flush();

		var first = this.audit.listAuditRecords(request(actor, 3, ""));
		var second = this.audit.listAuditRecords(request(actor, 3, first.getPageInfo().getNextPageToken()));

		assertThat(first.getRecordsList()).extracting(AuditRecord::getOperation).containsExactly("GET /op/4", "GET /op/3", "GET /op/2");
		assertThat(first.getPageInfo().getHasNextPage()).isTrue();
		assertThat(second.getRecordsList()).extracting(AuditRecord::getOperation).containsExactly("GET /op/1", "GET /op/0");
		assertThat(second.getPageInfo().getHasNextPage()).isFalse();
	}

	@Test
	void isReadOnlyByAdministrators() {
		UUID organizer = newUser("Organizer", "ORGANIZER");
		var asOrganizer = bearer(AuditServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(organizer, Set.of("ORGANIZER"), Scopes.ADMIN, Scopes.REPORTS_READ));

		StatusRuntimeException organizerFailure = catchThrowableOfType(StatusRuntimeException.class,
				() -> asOrganizer.listAuditRecords(ListAuditRecordsRequest.getDefaultInstance()));
		StatusRuntimeException anonymousFailure = catchThrowableOfType(StatusRuntimeException.class,
				() -> AuditServiceGrpc.newBlockingStub(this.channel).listAuditRecords(ListAuditRecordsRequest.getDefaultInstance()));

		assertThat(organizerFailure.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(anonymousFailure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void takesTheGatewaysRecordsOnlyWithInternalCredentials() {
		String actor = "client:gateway-record-" + UUID.randomUUID();
		RecordAuditEntriesRequest entries = RecordAuditEntriesRequest.newBuilder()
			.addEntries(AuditEntry.newBuilder().setActor(actor).setOperation("POST /oauth2/token").setOutcome("OK"))
			.build();
		var internal = bearer(AuditServiceGrpc.newBlockingStub(this.channel),
				this.tokens.client("convene-gateway", null, Set.of(), Scopes.INTERNAL));

		StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> this.audit.recordAuditEntries(entries));
		internal.recordAuditEntries(entries);
		this.log.flush();

		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(this.audit.listAuditRecords(request(actor, 10, "")).getRecordsList()).extracting(AuditRecord::getOperation)
			.containsExactly("POST /oauth2/token");
	}

	private static ListAuditRecordsRequest request(String actor, int size, String token) {
		return ListAuditRecordsRequest.newBuilder()
			.setActor(actor)
			.setPage(org.convene.common.v1.proto.PageRequest.newBuilder().setPageSize(size).setPageToken(token))
			.build();
	}

	private static <S extends io.grpc.stub.AbstractStub<S>> S withCorrelation(S stub, String correlationId) {
		io.grpc.Metadata headers = new io.grpc.Metadata();
		headers.put(org.convene.grpc.CallMetadata.CORRELATION_ID, correlationId);
		return stub.withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
	}

}
