package org.convene.core.webhook;

import java.util.Arrays;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.RetryPolicy;
import org.convene.webhook.v1.proto.Subscription;

/** A subscription row as the API shows it: never its secrets, only the current one's prefix. */
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

}
