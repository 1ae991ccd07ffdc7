package org.convene.core.idempotency;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.outbox.Outbox;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.CallMetadata;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc.TicketTypeServiceBlockingStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.IDEMPOTENCY_KEY;
import static org.convene.schema.core.Tables.OUTBOX;

/**
 * A method marked {@link StoresIdempotentResponse} that commits its work on a worker thread
 * and stores its answer there through {@link IdempotencyClaim}, as a batching service does.
 * It runs on an in-process server behind the same two interceptors as core's services.
 */
class IdempotencyStoredByServiceTests extends CoreIntegrationTest {

	@Autowired
	IdempotentCalls calls;

	@Autowired
	@Qualifier("requestContextInterceptor")
	ServerInterceptor requestContext;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Outbox outbox;

	private final BatchingTicketTypes service = new BatchingTicketTypes();

	private Server server;

	private ManagedChannel inProcess;

	private TicketTypeServiceBlockingStub ticketTypes;

	@BeforeEach
	void startServer() throws IOException {
		IdempotencyInterceptor idempotency = new IdempotencyInterceptor(this.calls,
				new StaticListableBeanFactory().getBeanProvider(io.grpc.BindableService.class));
		idempotency.register(this.service);
		String name = InProcessServerBuilder.generateName();
		this.server = InProcessServerBuilder.forName(name)
			.addService(ServerInterceptors.intercept(this.service, idempotency, this.requestContext))
			.build()
			.start();
		this.inProcess = InProcessChannelBuilder.forName(name).build();
		this.ticketTypes = TicketTypeServiceGrpc.newBlockingStub(this.inProcess);
	}

	@AfterEach
	void stopServer() throws InterruptedException {
		this.inProcess.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.service.worker.shutdownNow();
	}

	private TicketTypeServiceBlockingStub withKey(String key, AtomicReference<Metadata> responseHeaders) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.IDEMPOTENCY_KEY, key);
		return this.ticketTypes.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers),
				MetadataUtils.newCaptureMetadataInterceptor(responseHeaders, new AtomicReference<>()));
	}

	private static CreateTicketTypeRequest request(String name) {
		return CreateTicketTypeRequest.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setTicketType(TicketTypeDraft.newBuilder().setName(name))
			.build();
	}

	private int outboxRecordsOf(String id) {
		return this.db.fetchCount(OUTBOX, OUTBOX.AGGREGATE_ID.eq(UUID.fromString(id)));
	}

	@Test
	void replaysTheAnswerTheServiceStoredInItsOwnTransaction() {
		String key = UUID.randomUUID().toString();
		AtomicReference<Metadata> firstHeaders = new AtomicReference<>();
		AtomicReference<Metadata> retryHeaders = new AtomicReference<>();
		CreateTicketTypeRequest request = request("Early bird");

		TicketType first = withKey(key, firstHeaders).createTicketType(request);
		TicketType retry = withKey(key, retryHeaders).createTicketType(request);

		assertThat(retry).isEqualTo(first);
		assertThat(this.service.executions).hasValue(1);
		assertThat(this.service.transactionOnCallingThread).isFalse();
		assertThat(outboxRecordsOf(first.getId())).isEqualTo(1);
		assertThat(retryHeaders.get().get(CallMetadata.IDEMPOTENT_REPLAYED)).isEqualTo("true");
	}

	@Test
	void refusesTheKeyForAnotherRequest() {
		String key = UUID.randomUUID().toString();
		withKey(key, new AtomicReference<>()).createTicketType(request("Regular"));

		StatusRuntimeException failure = failureOf(
				() -> withKey(key, new AtomicReference<>()).createTicketType(request("Student")));

		assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
		assertThat(this.service.executions).hasValue(1);
	}

	@Test
	void storesNothingWhenTheServiceRollsBackSoTheRetryRunsAgain() {
		String key = UUID.randomUUID().toString();
		CreateTicketTypeRequest request = request("Flaky");
		this.service.failNext.set(true);

		StatusRuntimeException failure = failureOf(() -> withKey(key, new AtomicReference<>()).createTicketType(request));
		TicketType retried = withKey(key, new AtomicReference<>()).createTicketType(request);

		assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
		assertThat(retried.getName()).isEqualTo("Flaky");
		assertThat(this.service.executions).hasValue(2);
		assertThat(this.db.fetchCount(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY.CALLER.eq("anonymous")
			.and(IDEMPOTENCY_KEY.KEY.eq(new CallerKey("anonymous", key).storedKey())))).isEqualTo(1);
	}

	@Test
	void givesNoClaimToACallWithoutAKey() {
		TicketType created = this.ticketTypes.createTicketType(request("Unkeyed"));

		assertThat(created.getName()).isEqualTo("Unkeyed");
		assertThat(this.service.claimed).isFalse();
	}

	@Test
	void refusesToMarkAMethodTheServiceDoesNotServe() {
		IdempotencyInterceptor idempotency = new IdempotencyInterceptor(this.calls,
				new StaticListableBeanFactory().getBeanProvider(io.grpc.BindableService.class));

		assertThatIllegalStateException().isThrownBy(() -> idempotency.register(new Misnamed()))
			.withMessageContaining("serves no method");
	}

	/** Creates ticket types on a worker thread, each in the worker's transaction with its stored answer. */
	class BatchingTicketTypes extends TicketTypeServiceGrpc.TicketTypeServiceImplBase {

		final ExecutorService worker = Executors.newSingleThreadExecutor();

		final AtomicInteger executions = new AtomicInteger();

		final AtomicBoolean failNext = new AtomicBoolean();

		final AtomicBoolean transactionOnCallingThread = new AtomicBoolean();

		final AtomicBoolean claimed = new AtomicBoolean();

		@Override
		@StoresIdempotentResponse
		public void createTicketType(CreateTicketTypeRequest request, StreamObserver<TicketType> response) {
			this.transactionOnCallingThread.set(TransactionSynchronizationManager.isActualTransactionActive());
			var claim = IdempotencyClaim.current();
			this.claimed.set(claim.isPresent());
			this.worker.execute(() -> {
				try {
					TicketType created = new TransactionTemplate(transactionManager).execute(tx -> {
						this.executions.incrementAndGet();
						TicketType ticketType = TicketType.newBuilder()
							.setId(UUID.randomUUID().toString())
							.setEventId(request.getEventId())
							.setName(request.getTicketType().getName())
							.build();
						outbox.record("ticket-type.created", "ticket-type", UUID.fromString(ticketType.getId()), ticketType);
						claim.ifPresent(c -> c.storeIn(db, ticketType));
						if (this.failNext.getAndSet(false)) {
							throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE, "The batch failed");
						}
						return ticketType;
					});
					response.onNext(created);
					response.onCompleted();
				}
				catch (ApiException ex) {
					response.onError(ex.error().toStatusException());
				}
			});
		}

	}

	/** Marks a method that is no method of its service. */
	static class Misnamed extends TicketTypeServiceGrpc.TicketTypeServiceImplBase {

		@StoresIdempotentResponse
		public void createTicketTypes() {
		}

	}

}
