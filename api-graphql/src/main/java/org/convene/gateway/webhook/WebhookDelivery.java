package org.convene.gateway.webhook;

import java.time.OffsetDateTime;

import org.convene.grpc.ProtoTime;
import org.convene.webhook.v1.proto.Delivery;

/**
 * One domain event's message to a subscription, and where it stands.
 *
 * @param messageId its {@code webhook-id}, the same on every attempt
 * @param eventId the domain event, for redelivery
 * @param status PENDING, DELIVERED or FAILED
 * @param nextAttemptAt while pending: when it is tried next
 */
public record WebhookDelivery(String subscriptionId, String messageId, String eventId, String eventType, String status,
		int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, OffsetDateTime createdAt) {

	static WebhookDelivery of(Delivery delivery) {
		return new WebhookDelivery(delivery.getSubscriptionId(), delivery.getMessageId(), delivery.getEventId(),
				delivery.getEventType(), delivery.getStatus().name(), delivery.getAttempts(),
				ProtoTime.utc(delivery.hasNextAttemptAt(), delivery.getNextAttemptAt()),
				ProtoTime.utc(delivery.hasLastAttemptAt(), delivery.getLastAttemptAt()),
				ProtoTime.utc(delivery.getCreatedAt()));
	}

}
