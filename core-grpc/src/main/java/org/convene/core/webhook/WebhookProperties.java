package org.convene.core.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowInsecureTargets accept http URLs and hosts on loopback, private and link-local
 * addresses (tests and local development; never in production)
 * @param connectTimeout how long a delivery waits to connect to an endpoint
 * @param responseTimeout how long it waits for the endpoint's answer
 */
@ConfigurationProperties("convene.webhooks")
record WebhookProperties(boolean allowInsecureTargets, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout) {
}
