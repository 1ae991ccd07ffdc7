package org.convene.core.idempotency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.User;
import org.convene.grpc.ApiError;
import org.convene.grpc.CallMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.IDEMPOTENCY_KEY;
import static org.convene.schema.core.Tables.OUTBOX;

/** Mutations called with an idempotency key, over real gRPC against a real PostgreSQL. */
class IdempotencyTests extends CoreIntegrationTest {

	private static final Instant START = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@Autowired
	PlatformTransactionManager transactionManager;

	private static <S extends AbstractStub<S>> S withKey(S stub, String key) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.IDEMPOTENCY_KEY, key);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	/** The stub, keeping the response headers of its last call in {@code headers}. */
	private static <S extends AbstractStub<S>> S capturing(S stub, AtomicReference<Metadata> headers) {
		return stub.withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()));
	}

	private static CreateEventRequest create(String title) {
		return CreateEventRequest.newBuilder().setEvent(Drafts.event(title, START, START.plus(2, ChronoUnit.HOURS))).build();
	}

	private int eventsTitled(String title) {
		return this.db.fetchCount(EVENT, EVENT.TITLE.eq(title));
	}

	private int outboxRecordsOf(String eventId) {
		return this.db.fetchCount(OUTBOX, OUTBOX.AGGREGATE_ID.eq(UUID.fromString(eventId)));
	}

	private int keysOf(String caller) {
		return this.db.fetchCount(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY.CALLER.eq(caller));
	}

	private static ApiError errorOf(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure);
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	@Test
	void replaysTheFirstAnswerAndCreatesTheEventOnce() {
		String key = newKey();
		AtomicReference<Metadata> firstHeaders = new AtomicReference<>();
		AtomicReference<Metadata> retryHeaders = new AtomicReference<>();
		String title = "Replayed " + key;

		Event first = capturing(withKey(this.events, key), firstHeaders).createEvent(create(title));
		Event retry = capturing(withKey(this.events, key), retryHeaders).createEvent(create(title));

		assertThat(retry).isEqualTo(first);
		assertThat(eventsTitled(title)).isEqualTo(1);
		assertThat(outboxRecordsOf(first.getId())).isEqualTo(1);
		assertThat(firstHeaders.get().get(CallMetadata.IDEMPOTENT_REPLAYED)).isNull();
		assertThat(retryHeaders.get().get(CallMetadata.IDEMPOTENT_REPLAYED)).isEqualTo("true");
	}

	@Test
	void keepsTheKeyOnlyAsAHashAndTheAnswerEncrypted() {
		String key = newKey();

		Event event = withKey(this.events, key).createEvent(create("Sealed " + key));

		var row = this.db.selectFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.CALLER.eq("user:" + this.adminId)).fetch();
		assertThat(row).extracting(r -> r.getKey()).doesNotContain(key);
		assertThat(row).allSatisfy(r -> assertThat(new String(r.getResponse(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(event.getId()));
		assertThat(row).anySatisfy(r -> {
			assertThat(r.getOperation()).isEqualTo("convene.core.v1.EventService/CreateEvent");
			assertThat(r.getStatusCode()).isZero();
			assertThat(r.getCompletedAt()).isNotNull();
		});
	}

	@Test
	void behavesAsBeforeWithoutAKey() {
		String title = "Unkeyed " + newKey();
		UUID organizer = newUser("Keyless", "ORGANIZER");
		EventServiceBlockingStub stub = eventsAs(organizer, "ORGANIZER");

		stub.createEvent(create(title));
		stub.createEvent(create(title));

		assertThat(eventsTitled(title)).isEqualTo(2);
		assertThat(keysOf("user:" + organizer)).isZero();
	}

	@Test
	void keepsTheKeysOfDifferentCallersApart() {
		String key = newKey();
		String title = "Two callers " + key;
		UUID other = newUser("Other organizer", "ORGANIZER");

		Event mine = withKey(this.events, key).createEvent(create(title));
		Event theirs = withKey(eventsAs(other, "ORGANIZER"), key).createEvent(create(title));

		assertThat(theirs.getId()).isNotEqualTo(mine.getId());
		assertThat(eventsTitled(title)).isEqualTo(2);
	}

	@Test
	void replaysTheSignUpOfAnAnonymousCaller() {
		String key = newKey();
		SignUpRequest request = SignUpRequest.newBuilder()
			.setEmail(key + "@example.test")
			.setPassword("correct horse battery staple")
			.setDisplayName("Anonymous newcomer")
			.build();

		User first = withKey(this.users, key).signUp(request);
		User retry = withKey(this.users, key).signUp(request);

		assertThat(retry).isEqualTo(first);
		assertThat(this.db.fetchCount(APP_USER, APP_USER.EMAIL.eq(key + "@example.test"))).isEqualTo(1);
	}

	@Nested
	class Refusals {

		@Test
		void refusesTheKeyForADifferentRequest() {
			String key = newKey();
			withKey(events, key).createEvent(create("Original " + key));

			StatusRuntimeException failure = failureOf(() -> withKey(events, key).createEvent(create("Changed " + key)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
			assertThat(errorOf(failure).target()).isEqualTo("Idempotency-Key");
			assertThat(eventsTitled("Changed " + key)).isZero();
		}

		@Test
		void refusesTheKeyOnAnotherMethod() {
			String key = newKey();
			Event event = withKey(events, key).createEvent(create("Then published " + key));

			StatusRuntimeException failure = failureOf(() -> withKey(events, key)
				.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build()));

			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
		}

		@Test
		void refusesKeysThatAreEmptyOrTooLong() {
			String tooLong = "k".repeat(256);

			StatusRuntimeException empty = failureOf(() -> withKey(events, "").createEvent(create("Empty key")));
			StatusRuntimeException longKey = failureOf(() -> withKey(events, tooLong).createEvent(create("Long key")));

			assertThat(List.of(errorOf(empty), errorOf(longKey))).allSatisfy(error -> {
				assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
				assertThat(error.target()).isEqualTo("Idempotency-Key");
			});
			assertThat(errorOf(longKey).details()).contains("255");
			assertThat(eventsTitled("Empty key") + eventsTitled("Long key")).isZero();
		}

		@Test
		void answersInUseForAKeyWhoseFirstCallNeverCompleted() {
			String key = newKey();
			CreateEventRequest request = create("Stale " + key);
			String caller = "user:" + adminId;
			db.insertInto(IDEMPOTENCY_KEY)
				.set(IDEMPOTENCY_KEY.CALLER, caller)
				.set(IDEMPOTENCY_KEY.KEY, new CallerKey(caller, key).storedKey())
				.set(IDEMPOTENCY_KEY.OPERATION, EventServiceGrpc.getCreateEventMethod().getFullMethodName())
				.set(IDEMPOTENCY_KEY.REQUEST_HASH, RequestHash.of(EventServiceGrpc.getCreateEventMethod(), request))
				.execute();

			StatusRuntimeException failure = failureOf(() -> withKey(events, key).createEvent(request));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
		}

		@Test
		void answersInUseWhenAConcurrentCallHoldsTheKeyTooLong() {
			String key = newKey();
			String caller = "user:" + adminId;
			CreateEventRequest request = create("Held " + key);
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(1);
			Thread holder = new Thread(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
				db.insertInto(IDEMPOTENCY_KEY)
					.set(IDEMPOTENCY_KEY.CALLER, caller)
					.set(IDEMPOTENCY_KEY.KEY, new CallerKey(caller, key).storedKey())
					.set(IDEMPOTENCY_KEY.OPERATION, "held")
					.set(IDEMPOTENCY_KEY.REQUEST_HASH, new byte[0])
					.execute();
				held.countDown();
				await(done);
				tx.setRollbackOnly();
			}));
			holder.start();
			await(held);

			StatusRuntimeException failure;
			try {
				failure = failureOf(() -> withKey(events, key).createEvent(request));
			}
			finally {
				done.countDown();
			}

			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
			assertThat(eventsTitled("Held " + key)).isZero();
		}

		private static void await(CountDownLatch latch) {
			try {
				assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	@Nested
	class FailedCalls {

		@Test
		void storesNothingForAFailedCallSoACorrectedRetryRuns() {
			String key = newKey();
			UUID organizer = newUser("Corrector", "ORGANIZER");
			EventServiceBlockingStub stub = withKey(eventsAs(organizer, "ORGANIZER"), key);
			CreateEventRequest invalid = CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("", START, START.plus(2, ChronoUnit.HOURS)))
				.build();

			StatusRuntimeException failure = failureOf(() -> stub.createEvent(invalid));
			int keysAfterFailure = keysOf("user:" + organizer);
			Event corrected = stub.createEvent(create("Corrected " + key));

			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(keysAfterFailure).isZero();
			assertThat(corrected.getTitle()).isEqualTo("Corrected " + key);
			assertThat(keysOf("user:" + organizer)).isEqualTo(1);
		}

		@Test
		void rollsTheWorkBackWhenItsAnswerCannotBeStored() {
			UUID organizer = newUser("Unlucky", "ORGANIZER");
			String title = "Never stored " + newKey();
			db.execute("CREATE FUNCTION core.refuse_answer() RETURNS trigger LANGUAGE plpgsql AS "
					+ "$$ BEGIN RAISE EXCEPTION 'answer refused by the test'; END $$");
			db.execute("CREATE TRIGGER refuse_answer BEFORE UPDATE ON core.idempotency_key FOR EACH ROW "
					+ "WHEN (NEW.caller = 'user:" + organizer + "') EXECUTE FUNCTION core.refuse_answer()");
			StatusRuntimeException failure;
			try {
				failure = failureOf(() -> withKey(eventsAs(organizer, "ORGANIZER"), newKey()).createEvent(create(title)));
			}
			finally {
				db.execute("DROP TRIGGER refuse_answer ON core.idempotency_key");
				db.execute("DROP FUNCTION core.refuse_answer()");
			}

			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
			assertThat(eventsTitled(title)).as("the event of a call whose answer was not stored").isZero();
			assertThat(keysOf("user:" + organizer)).isZero();
		}

	}

	@Nested
	class Concurrency {

		@Test
		void executesTwentySimultaneousRetriesOnce() throws Exception {
			String key = newKey();
			String title = "Stampede " + key;
			UUID organizer = newUser("Stampede organizer", "ORGANIZER");
			String token = tokens.user(organizer, Set.of("ORGANIZER"), Scopes.EVENTS_READ, Scopes.EVENTS_WRITE);
			EventServiceBlockingStub stub = withKey(bearer(EventServiceGrpc.newBlockingStub(channel), token), key);
			int callers = 20;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(callers);
			List<Future<Event>> answers = new ArrayList<>();
			try {
				for (int i = 0; i < callers; i++) {
					answers.add(threads.submit(() -> {
						start.await();
						return stub.createEvent(create(title));
					}));
				}
				start.countDown();
				List<String> ids = new ArrayList<>();
				for (Future<Event> answer : answers) {
					ids.add(answer.get(60, TimeUnit.SECONDS).getId());
				}

				assertThat(ids).hasSize(callers).containsOnly(ids.get(0));
				assertThat(eventsTitled(title)).isEqualTo(1);
				assertThat(outboxRecordsOf(ids.get(0))).isEqualTo(1);
			}
			finally {
				threads.shutdownNow();
			}
		}

	}

}
