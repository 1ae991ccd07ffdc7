package org.convene.core.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.grpc.Context;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.convene.core.outbox.Outbox;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.TicketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.schema.core.Tables.IDEMPOTENCY_KEY;
import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.REGISTRATION;

/** The seat-taking transaction itself, given orders as the batcher would. */
class SeatAllocationTests extends RegistrationIntegrationTest {

	@Autowired
	private SeatAllocation allocation;

	private static Order order(TicketType type, String correlationId, CommitHook hook) {
		Applicant applicant = new Applicant(UUID.randomUUID(), UUID.fromString(type.getId()), null, "Guest " + correlationId,
				correlationId + "@example.test", JSONB.valueOf("{}"), 0, "EUR", 0, false);
		return new Order(UUID.fromString(type.getEventId()), List.of(applicant), false,
				new Outbox.Origin(correlationId, "client:" + correlationId), hook, outcomes -> outcomes.get(0).registration(),
				Context.ROOT, new CompletableFuture<>());
	}

	/** Stores the answer the way an idempotency mechanism would, in the batch's transaction. */
	private static CommitHook storeAnswerUnder(String key) {
		return (db, response) -> db.insertInto(IDEMPOTENCY_KEY)
			.set(IDEMPOTENCY_KEY.CALLER, "client:test")
			.set(IDEMPOTENCY_KEY.KEY, key)
			.set(IDEMPOTENCY_KEY.OPERATION, "CreateRegistration")
			.set(IDEMPOTENCY_KEY.REQUEST_HASH, new byte[] { 1 })
			.set(IDEMPOTENCY_KEY.STATUS_CODE, 0)
			.set(IDEMPOTENCY_KEY.RESPONSE, response.toByteArray())
			.set(IDEMPOTENCY_KEY.COMPLETED_AT, Instant.now())
			.execute();
	}

	private String correlationIdOf(Registration registration, String type) {
		return this.db.select(OUTBOX.CORRELATION_ID)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(registration.getId())).and(OUTBOX.EVENT_TYPE.eq(type)))
			.fetchOne(OUTBOX.CORRELATION_ID);
	}

	@Test
	void recordsEachOrdersOwnOriginAndRunsItsHookInTheBatchTransaction() throws Exception {
		TicketType type = ticketType(publishedEvent(10), free("Standard"));
		String key = UUID.randomUUID().toString();
		Order first = order(type, "corr-first", storeAnswerUnder(key));
		Order second = order(type, "corr-second", CommitHook.NONE);

		this.allocation.process(UUID.fromString(type.getEventId()), List.of(first, second));

		Registration one = (Registration) first.done().get();
		Registration two = (Registration) second.done().get();
		assertThat(correlationIdOf(one, "registration.created")).isEqualTo("corr-first");
		assertThat(correlationIdOf(two, "registration.confirmed")).isEqualTo("corr-second");
		assertThat(two.getCreatedBy()).isEqualTo("client:corr-second");
		assertThat(Registration.parseFrom(this.db.fetchValue(IDEMPOTENCY_KEY.RESPONSE, IDEMPOTENCY_KEY.KEY.eq(key)))).isEqualTo(one);
		assertThat(seatsTaken(type.getEventId())).isEqualTo(2);
	}

	@Test
	void triesEachOrderAloneWhenTheBatchFailsSoOnlyTheFailingOneFails() throws Exception {
		TicketType type = ticketType(publishedEvent(10), free("Standard"));
		Order good = order(type, "corr-good", CommitHook.NONE);
		Order bad = order(type, "corr-bad", (db, response) -> {
			throw new IllegalStateException("The answer could not be stored");
		});

		this.allocation.process(UUID.fromString(type.getEventId()), List.of(good, bad));

		assertThat(good.done().get().getClass()).isEqualTo(Registration.class);
		assertThat(bad.done()).isCompletedExceptionally();
		assertThat(this.db.fetchCount(REGISTRATION, REGISTRATION.EVENT_ID.eq(UUID.fromString(type.getEventId())))).isEqualTo(1);
		assertThat(seatsTaken(type.getEventId())).isEqualTo(1).isEqualTo(seatsHeld(type.getEventId()));
	}

}
