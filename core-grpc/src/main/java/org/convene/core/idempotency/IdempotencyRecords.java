package org.convene.core.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import static org.convene.schema.core.Tables.IDEMPOTENCY_KEY;

/** The table {@code core.idempotency_key}: one row per caller and key, with the first answer. */
@Repository
class IdempotencyRecords {

	private final DSLContext db;

	IdempotencyRecords(DSLContext db) {
		this.db = db;
	}

	/**
	 * Claims the key for a call, inside the caller's transaction. While another transaction
	 * holds the same key, this waits on the primary key until it ends (at most {@code wait}):
	 * when it committed, its row is returned; when it rolled back, the claim succeeds.
	 * @return the earlier call's row, or empty when this call now holds the key
	 * @throws org.convene.grpc.ApiException IDEMPOTENCY_KEY_IN_USE when the wait ran out
	 */
	Optional<Earlier> claim(CallerKey key, String operation, byte[] requestHash, Duration wait) {
		Record2<String, String> timeouts = this.db
			.select(DSL.field("current_setting('lock_timeout')", String.class),
					DSL.field("set_config('lock_timeout', {0}, true)", String.class, DSL.val(wait.toMillis() + "ms")))
			.fetchSingle();
		int claimed;
		try {
			claimed = this.db.insertInto(IDEMPOTENCY_KEY)
				.set(IDEMPOTENCY_KEY.CALLER, key.caller())
				.set(IDEMPOTENCY_KEY.KEY, key.storedKey())
				.set(IDEMPOTENCY_KEY.OPERATION, operation)
				.set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
				.onConflictDoNothing()
				.execute();
		}
		catch (PessimisticLockingFailureException ex) {
			throw IdempotencyErrors.inUse();
		}
		this.db.select(DSL.field("set_config('lock_timeout', {0}, true)", String.class, DSL.val(timeouts.value1())))
			.fetchSingle();
		return claimed == 1 ? Optional.empty() : find(key);
	}

	/** The row of an earlier call with this key, if any. */
	Optional<Earlier> find(CallerKey key) {
		return this.db
			.select(IDEMPOTENCY_KEY.OPERATION, IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.STATUS_CODE,
					IDEMPOTENCY_KEY.RESPONSE, IDEMPOTENCY_KEY.COMPLETED_AT)
			.from(IDEMPOTENCY_KEY)
			.where(IDEMPOTENCY_KEY.CALLER.eq(key.caller()))
			.and(IDEMPOTENCY_KEY.KEY.eq(key.storedKey()))
			.fetchOptional(row -> new Earlier(row.value1(), row.value2(), row.value3(), row.value4(), row.value5() != null));
	}

	/** Stores the answer of the call that claimed the key. */
	void complete(CallerKey key, byte[] answer) {
		this.db.update(IDEMPOTENCY_KEY)
			.set(IDEMPOTENCY_KEY.STATUS_CODE, 0)
			.set(IDEMPOTENCY_KEY.RESPONSE, key.seal(answer))
			.set(IDEMPOTENCY_KEY.COMPLETED_AT, Instant.now())
			.where(IDEMPOTENCY_KEY.CALLER.eq(key.caller()))
			.and(IDEMPOTENCY_KEY.KEY.eq(key.storedKey()))
			.execute();
	}

	/** Gives up the claim of a call whose answer cannot be stored: its retry executes again. */
	void release(CallerKey key) {
		this.db.deleteFrom(IDEMPOTENCY_KEY)
			.where(IDEMPOTENCY_KEY.CALLER.eq(key.caller()))
			.and(IDEMPOTENCY_KEY.KEY.eq(key.storedKey()))
			.execute();
	}

	/**
	 * Stores a key with its answer in one go, through the given connection's transaction.
	 * @return whether it was stored; {@code false} when another call stored the key first
	 */
	static boolean insertAnswered(DSLContext db, CallerKey key, String operation, byte[] requestHash, byte[] answer) {
		Instant now = Instant.now();
		return db.insertInto(IDEMPOTENCY_KEY)
			.set(IDEMPOTENCY_KEY.CALLER, key.caller())
			.set(IDEMPOTENCY_KEY.KEY, key.storedKey())
			.set(IDEMPOTENCY_KEY.OPERATION, operation)
			.set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
			.set(IDEMPOTENCY_KEY.STATUS_CODE, 0)
			.set(IDEMPOTENCY_KEY.RESPONSE, key.seal(answer))
			.set(IDEMPOTENCY_KEY.CREATED_AT, now)
			.set(IDEMPOTENCY_KEY.COMPLETED_AT, now)
			.onConflictDoNothing()
			.execute() == 1;
	}

	/**
	 * Deletes up to {@code limit} keys created before the cutoff. Rows another replica is
	 * deleting at the same time are skipped, not waited for.
	 */
	int deleteCreatedBefore(Instant cutoff, int limit) {
		return this.db.deleteFrom(IDEMPOTENCY_KEY)
			.where(DSL.row(IDEMPOTENCY_KEY.CALLER, IDEMPOTENCY_KEY.KEY)
				.in(this.db.select(IDEMPOTENCY_KEY.CALLER, IDEMPOTENCY_KEY.KEY)
					.from(IDEMPOTENCY_KEY)
					.where(IDEMPOTENCY_KEY.CREATED_AT.lt(cutoff))
					.limit(limit)
					.forUpdate()
					.skipLocked()))
			.execute();
	}

	/**
	 * The row an earlier call with the same key left.
	 *
	 * @param operation its full method name
	 * @param requestHash its {@link RequestHash}
	 * @param statusCode its gRPC status code, {@code null} until it completed
	 * @param answer its sealed answer, {@code null} until it completed
	 * @param completed whether it completed
	 */
	record Earlier(String operation, byte[] requestHash, Integer statusCode, byte[] answer, boolean completed) {
	}

}
