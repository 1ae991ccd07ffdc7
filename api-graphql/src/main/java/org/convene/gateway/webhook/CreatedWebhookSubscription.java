package org.convene.gateway.webhook;

import org.convene.webhook.v1.proto.CreatedSubscription;

/**
 * A subscription just created, or whose secret was just rotated, with its secret.
 *
 * @param secret the signing secret, shown only here
 */
public record CreatedWebhookSubscription(SubscriptionView subscription, String secret) {

	static CreatedWebhookSubscription of(CreatedSubscription created) {
		return new CreatedWebhookSubscription(SubscriptionView.of(created.getSubscription()), created.getSecret());
	}

}
