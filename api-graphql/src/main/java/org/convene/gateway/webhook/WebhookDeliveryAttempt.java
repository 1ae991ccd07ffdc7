package org.convene.gateway.webhook;

import java.time.OffsetDateTime;

import org.convene.grpc.ProtoTime;
import org.convene.webhook.v1.proto.DeliveryAttempt;

/**
 * One attempt to deliver a message to an endpoint.
 *
 * @param messageId the message's id ({@code webhook-id}), the same on every attempt of one message
 * @param statusCode the endpoint's HTTP status; null when it did not answer
 * @param responseExcerpt the first 1,024 characters of its answer
 * @param error why it failed without an answer, or what the status means
 * @param eventId the domain event delivered; null for pings
 * @param nextAttemptAt when a failed attempt is retried; null when it is not
 */
public record WebhookDeliveryAttempt(String subscriptionId, String messageId, String eventType, OffsetDateTime attemptedAt,
		boolean succeeded, Integer statusCode, int latencyMs, String responseExcerpt, String error, String eventId,
		OffsetDateTime nextAttemptAt) {

	static WebhookDeliveryAttempt of(DeliveryAttempt attempt) {
		return new WebhookDeliveryAttempt(attempt.getSubscriptionId(), attempt.getMessageId(), attempt.getEventType(),
				ProtoTime.utc(attempt.getAttemptedAt()), attempt.getSucceeded(),
				attempt.getStatusCode() == 0 ? null : attempt.getStatusCode(), attempt.getLatencyMs(),
				attempt.getResponseExcerpt().isEmpty() ? null : attempt.getResponseExcerpt(),
				attempt.getError().isEmpty() ? null : attempt.getError(),
				attempt.getEventId().isEmpty() ? null : attempt.getEventId(),
				ProtoTime.utc(attempt.hasNextAttemptAt(), attempt.getNextAttemptAt()));
	}

}
