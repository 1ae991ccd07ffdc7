package org.convene.core.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowInsecureTargets accept http URLs and hosts on loopback, private and link-local
 * addresses (tests and local development; never in production)
 */
@ConfigurationProperties("convene.webhooks")
record WebhookProperties(boolean allowInsecureTargets) {
}
