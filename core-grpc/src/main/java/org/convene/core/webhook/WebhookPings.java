package org.convene.core.webhook;

import java.time.Instant;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;

import org.convene.schema.core.tables.records.WebhookAttemptRecord;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.DeliveryAttempt;

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
		WebhookAttemptRecord attempt = WebhookRecords.attempt(subscription.getId(), message, null, at, answer, null);
		this.db.executeInsert(attempt);
		return WebhookRecords.toProto(attempt);
	}

}
