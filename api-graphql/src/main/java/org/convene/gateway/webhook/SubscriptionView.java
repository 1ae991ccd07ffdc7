package org.convene.gateway.webhook;

import java.time.OffsetDateTime;
import java.util.List;


import org.convene.grpc.ProtoTime;
import org.convene.webhook.v1.proto.Subscription;

/**
 * A webhook subscription as REST and GraphQL show it; never its secret.
 *
 * @param eventTypes the event types delivered; empty for all
 * @param disabledReason why it is disabled; null when enabled
 * @param secretPrefix the first characters of the current signing secret
 * @param previousSecretExpiresAt until when a rotated-out secret signs too; null when none does
 * @param failingSince since when every delivery failed, while they do; null otherwise
 */
public record SubscriptionView(String id, String owner, String url, String description, List<String> eventTypes,
		boolean enabled, String disabledReason, RetryPolicyView retryPolicy, String secretPrefix,
		OffsetDateTime previousSecretExpiresAt, OffsetDateTime failingSince, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version) {

	static SubscriptionView of(Subscription subscription) {
		return new SubscriptionView(subscription.getId(), subscription.getOwner(), subscription.getUrl(),
				subscription.getDescription(), List.copyOf(subscription.getEventTypesList()), subscription.getEnabled(),
				subscription.getDisabledReason().isEmpty() ? null : subscription.getDisabledReason(),
				new RetryPolicyView(subscription.getRetryPolicy().getMaxAttempts(),
						subscription.getRetryPolicy().getMaxIntervalSeconds()),
				subscription.getSecretPrefix(),
				ProtoTime.utc(subscription.hasPreviousSecretExpiresAt(), subscription.getPreviousSecretExpiresAt()),
				ProtoTime.utc(subscription.hasFailingSince(), subscription.getFailingSince()),
				ProtoTime.utc(subscription.getCreatedAt()), ProtoTime.utc(subscription.getUpdatedAt()),
				subscription.getVersion());
	}

	/** The strong ETag of this version. */
	String etag() {
		return "\"" + this.version + "\"";
	}

	/** How failed deliveries are retried. */
	public record RetryPolicyView(int maxAttempts, int maxIntervalSeconds) {
	}

}
