package org.convene.core.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How idempotency keys are kept.
 *
 * @param retention how long a key and its answer are kept; the API promises at least 24 hours
 * @param cleanupInterval how often expired keys are deleted
 * @param waitTimeout how long a call waits for a concurrent call with the same key before it is
 * answered IDEMPOTENCY_KEY_IN_USE
 */
@ConfigurationProperties("convene.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("1h") Duration cleanupInterval,
		@DefaultValue("5s") Duration waitTimeout) {
}
