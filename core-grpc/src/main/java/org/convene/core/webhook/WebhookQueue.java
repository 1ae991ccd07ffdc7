package org.convene.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.convene.schema.core.tables.records.WebhookDeliveryRecord;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;

import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.WEBHOOK_ATTEMPT;
import static org.convene.schema.core.Tables.WEBHOOK_DELIVERY;
import static org.convene.schema.core.Tables.WEBHOOK_SUBSCRIPTION;

/**
 * The pending messages in PostgreSQL: who takes which, and what each attempt did to them. A
 * dispatcher takes due messages by moving their next attempt a lease ahead; should it die
 * before recording the outcome, they fall due again when the lease ends.
 */
@Component
class WebhookQueue {

	/** Messages one subscription may have taken at once: a backlog of one never crowds out the others. */
	static final int PER_SUBSCRIPTION = 100;

	static final int PER_TAKE = 1000;

	private static final String TAKE = """
			WITH due AS (
			    SELECT d.id, d.subscription_id, d.next_attempt_at
			    FROM core.webhook_delivery d
			    JOIN core.webhook_subscription s ON s.id = d.subscription_id AND s.enabled
			    WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND d.subscription_id <> ALL ({0})
			    ORDER BY d.next_attempt_at, d.id
			    LIMIT 5000
			), fair AS (
			    SELECT id FROM (
			        SELECT id, next_attempt_at,
			               row_number() OVER (PARTITION BY subscription_id ORDER BY next_attempt_at, id) AS n
			        FROM due) ranked
			    WHERE n <= {1}
			    ORDER BY next_attempt_at, id
			    LIMIT {2}
			), taken AS (
			    SELECT d.id FROM core.webhook_delivery d
			    WHERE d.id IN (SELECT id FROM fair) AND d.status = 'PENDING' AND d.next_attempt_at <= now()
			    FOR NO KEY UPDATE SKIP LOCKED
			)
			UPDATE core.webhook_delivery d SET next_attempt_at = now() + make_interval(secs => {3})
			FROM taken WHERE d.id = taken.id
			RETURNING d.id""";

	private final DSLContext db;

	private final WebhookProperties properties;

	WebhookQueue(DSLContext db, WebhookProperties properties) {
		this.db = db;
		this.properties = properties;
	}

	/** One message taken for an attempt, with what it takes to send it. */
	record Due(WebhookDeliveryRecord delivery, WebhookSubscriptionRecord subscription, UUID eventId, UUID aggregateId,
			WebhookMessage message) {
	}

	/** What an attempt at a taken message did; {@code answer} is null when the message was given back untried. */
	record Outcome(Due due, Instant attemptedAt, WebhookClient.Answer answer) {

		static Outcome untried(Due due) {
			return new Outcome(due, null, null);
		}

	}

	/** Takes due messages of enabled subscriptions not in {@code busy}, oldest first. */
	@Transactional
	public List<Due> take(Collection<UUID> busy) {
		List<Long> ids = this.db.resultQuery(TAKE, DSL.val(busy.toArray(UUID[]::new), SQLDataType.UUID.array()),
				DSL.inline(PER_SUBSCRIPTION), DSL.inline(PER_TAKE), DSL.val(this.properties.lease().toSeconds()))
			.fetch(0, Long.class);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.db.select(WEBHOOK_DELIVERY.fields())
			.select(WEBHOOK_SUBSCRIPTION.fields())
			.select(OUTBOX.EVENT_ID, OUTBOX.AGGREGATE_ID, OUTBOX.OCCURRED_AT, OUTBOX.PAYLOAD)
			.from(WEBHOOK_DELIVERY)
			.join(WEBHOOK_SUBSCRIPTION).on(WEBHOOK_SUBSCRIPTION.ID.eq(WEBHOOK_DELIVERY.SUBSCRIPTION_ID))
			.join(OUTBOX).on(OUTBOX.ID.eq(WEBHOOK_DELIVERY.OUTBOX_ID))
			.where(WEBHOOK_DELIVERY.ID.in(ids))
			.orderBy(WEBHOOK_DELIVERY.ID)
			.fetch(row -> {
				WebhookDeliveryRecord delivery = row.into(WEBHOOK_DELIVERY);
				return new Due(delivery, row.into(WEBHOOK_SUBSCRIPTION), row.get(OUTBOX.EVENT_ID), row.get(OUTBOX.AGGREGATE_ID),
						new WebhookMessage(delivery.getMessageId(), delivery.getEventType(), row.get(OUTBOX.OCCURRED_AT),
								row.get(OUTBOX.PAYLOAD).data()));
			});
	}

	/**
	 * Records attempts and what follows from them: a delivered message is done; a failed one
	 * waits for its next attempt, or has failed for good when its policy allows no more or the
	 * endpoint answered 410 Gone; an untried one is due again now. A subscription whose every
	 * attempt failed for {@link WebhookProperties#disableAfter()}, or whose endpoint is gone, is
	 * disabled.
	 */
	@Transactional
	public void record(List<Outcome> outcomes) {
		List<Query> queries = new ArrayList<>();
		Map<UUID, Outcome> lastPerSubscription = new LinkedHashMap<>();
		for (Outcome outcome : outcomes) {
			Due due = outcome.due();
			long id = due.delivery().getId();
			if (outcome.answer() == null) {
				queries.add(this.db.update(WEBHOOK_DELIVERY).set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, DSL.currentInstant())
					.where(WEBHOOK_DELIVERY.ID.eq(id).and(WEBHOOK_DELIVERY.STATUS.eq("PENDING"))));
				continue;
			}
			WebhookClient.Answer answer = outcome.answer();
			int attempts = due.delivery().getAttempts() + 1;
			Instant next = answer.succeeded() || answer.gone() || attempts >= due.subscription().getMaxAttempts() ? null
					: outcome.attemptedAt().plus(WebhookRetries.delay(this.properties.firstRetry(), attempts, due.subscription().getMaxIntervalSeconds(),
							answer.retryAfter())).truncatedTo(ChronoUnit.MICROS);
			String status = answer.succeeded() ? "DELIVERED" : next == null ? "FAILED" : "PENDING";
			queries.add(this.db.update(WEBHOOK_DELIVERY)
				.set(WEBHOOK_DELIVERY.STATUS, status)
				.set(WEBHOOK_DELIVERY.ATTEMPTS, attempts)
				.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, next)
				.set(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT, outcome.attemptedAt().truncatedTo(ChronoUnit.MICROS))
				.where(WEBHOOK_DELIVERY.ID.eq(id)));
			queries.add(this.db.insertInto(WEBHOOK_ATTEMPT).set(WebhookRecords.attempt(due.subscription().getId(),
					due.message(), due.eventId(), outcome.attemptedAt(), answer, next)));
			lastPerSubscription.put(due.subscription().getId(), outcome);
		}
		lastPerSubscription.forEach((subscription, last) -> queries.addAll(health(subscription, last)));
		this.db.batch(queries).execute();
	}

	private List<Query> health(UUID subscription, Outcome last) {
		var row = WEBHOOK_SUBSCRIPTION;
		if (last.answer().succeeded()) {
			return List.of(this.db.update(row).setNull(row.FAILING_SINCE).where(row.ID.eq(subscription).and(row.FAILING_SINCE.isNotNull())));
		}
		Instant at = last.attemptedAt().truncatedTo(ChronoUnit.MICROS);
		Query failing = this.db.update(row).set(row.FAILING_SINCE, DSL.coalesce(row.FAILING_SINCE, DSL.val(at)))
			.where(row.ID.eq(subscription));
		Query disable = last.answer().gone()
				? disable(subscription, DSL.trueCondition(), "The endpoint answered 410 Gone")
				: disable(subscription, row.FAILING_SINCE.le(at.minus(this.properties.disableAfter())),
						"Every delivery failed for more than " + readable(this.properties.disableAfter()));
		return List.of(failing, disable);
	}

	private Query disable(UUID subscription, org.jooq.Condition when, String reason) {
		var row = WEBHOOK_SUBSCRIPTION;
		return this.db.update(row)
			.set(row.ENABLED, false)
			.set(row.DISABLED_REASON, reason)
			.set(row.UPDATED_AT, DSL.currentInstant())
			.set(row.VERSION, row.VERSION.plus(1))
			.where(row.ID.eq(subscription).and(row.ENABLED.isTrue()).and(when));
	}

	private static String readable(Duration duration) {
		return duration.toHours() > 0 ? duration.toHours() + " hours" : duration.toSeconds() + " seconds";
	}

}
