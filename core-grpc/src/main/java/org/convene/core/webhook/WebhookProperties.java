package org.convene.core.webhook;

import java.net.InetAddress;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowInsecureTargets accept http URLs and hosts on loopback, private and link-local
 * addresses (tests and local development; never in production)
 * @param connectTimeout how long a delivery waits to connect to an endpoint
 * @param responseTimeout how long it waits for the endpoint's answer
 * @param sourceAddress the local address deliveries leave from (for receivers' IP allowlists);
 * unset for the system's choice
 * @param disableAfter how long every attempt to a subscription's endpoint may fail before the
 * subscription is disabled
 * @param lease how long a dispatcher owns the messages it took: if it dies, another (or it, once
 * restarted) takes them again after this
 * @param firstRetry the wait after a message's first failed attempt; each further wait is five
 * times the one before, up to the subscription's maximum interval
 * @param pollInterval how often dispatchers look for work nobody announced (due retries, events
 * committed while an announcement connection was down)
 */
@ConfigurationProperties("convene.webhooks")
record WebhookProperties(boolean allowInsecureTargets, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout, InetAddress sourceAddress,
		@DefaultValue("72h") Duration disableAfter, @DefaultValue("2m") Duration lease,
		@DefaultValue("10s") Duration firstRetry, @DefaultValue("1s") Duration pollInterval) {
}
