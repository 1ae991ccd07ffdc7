package org.convene.core.webhook;

import java.time.Instant;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.schema.core.tables.records.WebhookDeliveryRecord;

import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.WEBHOOK_DELIVERY;
import static org.convene.schema.core.Tables.WEBHOOK_SUBSCRIPTION;

/**
 * Turns committed domain events into messages: for each outbox row not yet dispatched, one
 * pending delivery per enabled subscription that selects its type and whose owner may receive
 * it, in the same transaction that marks the row dispatched. Rows another dispatcher holds are
 * skipped ({@code FOR NO KEY UPDATE SKIP LOCKED}: the weaker lock lets a redelivery reference a
 * row meanwhile), so several core replicas share the work. Should a
 * batch fail, its rows are taken one by one, so that one bad row cannot hold up the rest.
 */
@Component
class WebhookFanOut {

	private static final Logger log = LoggerFactory.getLogger(WebhookFanOut.class);

	static final int BATCH = 500;

	/** {@code msg_} and 32 hex digits, like {@link WebhookMessage#newId()}. */
	static final Field<String> NEW_MESSAGE_ID = DSL.field("'msg_' || replace(gen_random_uuid()::text, '-', '')", String.class);

	private final DSLContext db;

	private final TransactionTemplate transactions;

	WebhookFanOut(DSLContext db, TransactionTemplate transactions) {
		this.db = db;
		this.transactions = transactions;
	}

	/** Dispatches up to {@link #BATCH} outbox rows; answers how many it took. */
	int dispatchBatch() {
		try {
			return this.transactions.execute(status -> dispatch(BATCH));
		}
		catch (RuntimeException ex) {
			log.warn("Could not dispatch a batch of outbox rows; taking them one by one", ex);
			int taken = 0;
			for (int i = 0; i < BATCH; i++) {
				int one = dispatchOneOrSkipIt();
				if (one == 0) {
					break;
				}
				taken += one;
			}
			return taken;
		}
	}

	private int dispatchOneOrSkipIt() {
		try {
			return this.transactions.execute(status -> dispatch(1));
		}
		catch (RuntimeException ex) {
			return this.transactions.execute(status -> {
				List<Long> ids = next(1);
				log.error("Outbox row {} cannot be dispatched; it reaches no webhook", ids, ex);
				markDispatched(ids);
				return ids.size();
			});
		}
	}

	private int dispatch(int limit) {
		List<Long> ids = next(limit);
		if (ids.isEmpty()) {
			return 0;
		}
		newMessages(this.db, WEBHOOK_SUBSCRIPTION.ENABLED.isTrue().and(WebhookAudience.selects()), OUTBOX.ID.in(ids))
			.onConflictDoNothing()
			.execute();
		markDispatched(ids);
		return ids.size();
	}

	/**
	 * Inserts a pending message, due now, for each pair of an outbox row and a subscription the
	 * conditions pick, where the subscription's owner may receive the row.
	 */
	static InsertOnDuplicateStep<WebhookDeliveryRecord> newMessages(DSLContext db, Condition subscriptions, Condition rows) {
		Field<Instant> now = DSL.currentInstant();
		return db.insertInto(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.SUBSCRIPTION_ID, WEBHOOK_DELIVERY.OUTBOX_ID,
				WEBHOOK_DELIVERY.MESSAGE_ID, WEBHOOK_DELIVERY.EVENT_TYPE, WEBHOOK_DELIVERY.STATUS,
				WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, WEBHOOK_DELIVERY.CREATED_AT)
			.select(DSL.select(WEBHOOK_SUBSCRIPTION.ID, OUTBOX.ID, NEW_MESSAGE_ID, OUTBOX.EVENT_TYPE, DSL.inline("PENDING"),
					now, now)
				.from(OUTBOX)
				.join(WEBHOOK_SUBSCRIPTION).on(subscriptions)
				.leftJoin(APP_USER).on(WebhookAudience.OWNER_USER)
				.leftJoin(EVENT).on(EVENT.ID.eq(WebhookAudience.EVENT_OF))
				.where(rows)
				.and(WebhookAudience.mayReceive())
				.orderBy(OUTBOX.ID, WEBHOOK_SUBSCRIPTION.ID));
	}

	private List<Long> next(int limit) {
		return this.db.select(OUTBOX.ID)
			.from(OUTBOX)
			.where(OUTBOX.DISPATCHED_AT.isNull())
			.orderBy(OUTBOX.ID)
			.limit(limit)
			.forNoKeyUpdate()
			.skipLocked()
			.fetch(OUTBOX.ID);
	}

	private void markDispatched(List<Long> ids) {
		this.db.update(OUTBOX).set(OUTBOX.DISPATCHED_AT, DSL.currentInstant()).where(OUTBOX.ID.in(ids)).execute();
	}

}
