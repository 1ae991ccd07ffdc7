package org.convene.core.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;

import org.convene.schema.core.tables.records.WebhookAttemptRecord;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.DeliveryAttempt;

import static org.convene.schema.core.Tables.WEBHOOK_ATTEMPT;

/**
 * Test events on demand: a signed {@code ping} to a subscription's endpoint, answered with
 * what the endpoint did and logged like every attempt. No transaction is held while the
 * endpoint answers.
 */
@Service
class WebhookPings {

	private final WebhookSubscriptions subscriptions;

	private final WebhookClient client;

	private final DSLContext db;

	WebhookPings(WebhookSubscriptions subscriptions, WebhookClient client, DSLContext db) {
		this.subscriptions = subscriptions;
		this.client = client;
		this.db = db;
	}

	DeliveryAttempt ping(String id) {
		WebhookSubscriptionRecord subscription = this.subscriptions.owned(id);
		Instant now = Instant.now();
		WebhookMessage message = new WebhookMessage(WebhookMessage.newId(), "ping", now,
				"{\"subscriptionId\":\"" + subscription.getId() + "\",\"message\":\"Ping from Convene\"}");
		WebhookMessage.Delivery delivery = message.signedFor(subscription, now);
		WebhookClient.Answer answer = this.client.post(subscription.getUrl(), delivery.headers(), delivery.body());
		return record(subscription, message, now, answer);
	}

	private DeliveryAttempt record(WebhookSubscriptionRecord subscription, WebhookMessage message, Instant at,
			WebhookClient.Answer answer) {
		WebhookAttemptRecord attempt = this.db.newRecord(WEBHOOK_ATTEMPT);
		attempt.setSubscriptionId(subscription.getId());
		attempt.setMessageId(message.id());
		attempt.setEventType(message.eventType());
		attempt.setAttemptedAt(at.truncatedTo(ChronoUnit.MICROS));
		attempt.setSucceeded(answer.succeeded());
		attempt.setStatusCode(answer.statusCode() == 0 ? null : answer.statusCode());
		attempt.setLatencyMs(answer.latencyMs());
		attempt.setResponseExcerpt(answer.excerpt());
		attempt.setError(answer.error());
		attempt.insert();
		return WebhookRecords.toProto(attempt);
	}

}
