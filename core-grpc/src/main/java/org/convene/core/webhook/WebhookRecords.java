package org.convene.core.webhook;

import java.util.Arrays;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.WebhookAttemptRecord;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
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
		return attempt.build();
	}

}
