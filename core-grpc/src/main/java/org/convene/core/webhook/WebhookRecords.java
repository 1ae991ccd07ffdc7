package org.convene.core.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.WebhookAttemptRecord;
import org.convene.schema.core.tables.records.WebhookDeliveryRecord;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.Delivery;
import org.convene.webhook.v1.proto.DeliveryAttempt;
import org.convene.webhook.v1.proto.RetryPolicy;
import org.convene.webhook.v1.proto.Subscription;

/** Rows as the API shows them: a subscription never with its secrets, only the current one's prefix. */
final class WebhookRecords {

	/** Characters of the secret shown to recognise it: {@code whsec_} and 4 more. */
	static final int PREFIX_LENGTH = 10;

	private WebhookRecords() {
	}

	static Subscription toProto(WebhookSubscriptionRecord row) {
		Subscription.Builder subscription = Subscription.newBuilder()
			.setId(row.getId().toString())
			.setOwner(row.getOwner())
			.setUrl(row.getUrl())
			.setDescription(row.getDescription())
			.addAllEventTypes(Arrays.asList(row.getEventTypes()))
			.setEnabled(row.getEnabled())
			.setRetryPolicy(RetryPolicy.newBuilder()
				.setMaxAttempts(row.getMaxAttempts())
				.setMaxIntervalSeconds(row.getMaxIntervalSeconds()))
			.setSecretPrefix(row.getSecret().substring(0, PREFIX_LENGTH))
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()))
			.setVersion(row.getVersion());
		if (row.getDisabledReason() != null) {
			subscription.setDisabledReason(row.getDisabledReason());
		}
		if (row.getPreviousSecretExpiresAt() != null) {
			subscription.setPreviousSecretExpiresAt(ProtoTime.of(row.getPreviousSecretExpiresAt()));
		}
		if (row.getFailingSince() != null) {
			subscription.setFailingSince(ProtoTime.of(row.getFailingSince()));
		}
		return subscription.build();
	}

	static DeliveryAttempt toProto(WebhookAttemptRecord row) {
		DeliveryAttempt.Builder attempt = DeliveryAttempt.newBuilder()
			.setSubscriptionId(row.getSubscriptionId().toString())
			.setMessageId(row.getMessageId())
			.setEventType(row.getEventType())
			.setAttemptedAt(ProtoTime.of(row.getAttemptedAt()))
			.setSucceeded(row.getSucceeded())
			.setStatusCode(row.getStatusCode() == null ? 0 : row.getStatusCode())
			.setLatencyMs(row.getLatencyMs());
		if (row.getResponseExcerpt() != null) {
			attempt.setResponseExcerpt(row.getResponseExcerpt());
		}
		if (row.getError() != null) {
			attempt.setError(row.getError());
		}
		if (row.getEventId() != null) {
			attempt.setEventId(row.getEventId().toString());
		}
		if (row.getNextAttemptAt() != null) {
			attempt.setNextAttemptAt(ProtoTime.of(row.getNextAttemptAt()));
		}
		return attempt.build();
	}

	/** The log row of one attempt; {@code eventId} is null for pings, {@code nextAttemptAt} when it is not retried. */
	static WebhookAttemptRecord attempt(UUID subscriptionId, WebhookMessage message, UUID eventId, Instant at,
			WebhookClient.Answer answer, Instant nextAttemptAt) {
		WebhookAttemptRecord attempt = new WebhookAttemptRecord();
		attempt.setSubscriptionId(subscriptionId);
		attempt.setMessageId(message.id());
		attempt.setEventType(message.eventType());
		attempt.setEventId(eventId);
		attempt.setAttemptedAt(at.truncatedTo(ChronoUnit.MICROS));
		attempt.setSucceeded(answer.succeeded());
		attempt.setStatusCode(answer.statusCode() == 0 ? null : answer.statusCode());
		attempt.setLatencyMs(answer.latencyMs());
		attempt.setResponseExcerpt(answer.excerpt());
		attempt.setError(answer.error());
		attempt.setNextAttemptAt(nextAttemptAt == null ? null : nextAttemptAt.truncatedTo(ChronoUnit.MICROS));
		return attempt;
	}

	static Delivery toProto(WebhookDeliveryRecord row, UUID eventId) {
		Delivery.Builder delivery = Delivery.newBuilder()
			.setSubscriptionId(row.getSubscriptionId().toString())
			.setMessageId(row.getMessageId())
			.setEventId(eventId.toString())
			.setEventType(row.getEventType())
			.setStatus(Delivery.Status.valueOf(row.getStatus()))
			.setAttempts(row.getAttempts())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()));
		if (row.getNextAttemptAt() != null) {
			delivery.setNextAttemptAt(ProtoTime.of(row.getNextAttemptAt()));
		}
		if (row.getLastAttemptAt() != null) {
			delivery.setLastAttemptAt(ProtoTime.of(row.getLastAttemptAt()));
		}
		return delivery.build();
	}

}
