package org.convene.core.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed message is tried again: after the n-th failed attempt, 10 s × 5^(n−1) (the
 * first wait is an operator setting, {@link WebhookProperties#firstRetry()}), at most
 * the subscription's maximum interval, then ±20 % jitter so that messages which failed together
 * do not all return together. With the default policy (13 attempts, at most 10 hours apart) the
 * waits are 10 s, 50 s, 4 min, 21 min, 1.7 h, 8.7 h and then 10 h: about three days in all. An
 * endpoint that asks for more time with {@code Retry-After} gets it, up to the maximum interval.
 */
final class WebhookRetries {

	static final int FACTOR = 5;

	private WebhookRetries() {
	}

	/** The wait after the given number of failed attempts, before jitter. */
	static Duration backoff(Duration first, int failedAttempts, int maxIntervalSeconds) {
		long millis = first.toMillis();
		long max = maxIntervalSeconds * 1000L;
		for (int i = 1; i < failedAttempts && millis < max; i++) {
			millis *= FACTOR;
		}
		return Duration.ofMillis(Math.min(millis, max));
	}

	/** The wait after the given number of failed attempts, with jitter, honouring what the endpoint asked. */
	static Duration delay(Duration first, int failedAttempts, int maxIntervalSeconds, Duration retryAfter) {
		Duration backoff = backoff(first, failedAttempts, maxIntervalSeconds);
		long jittered = (long) (backoff.toMillis() * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
		Duration wait = Duration.ofMillis(jittered);
		if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
			wait = retryAfter.compareTo(Duration.ofSeconds(maxIntervalSeconds)) > 0 ? Duration.ofSeconds(maxIntervalSeconds)
					: retryAfter;
		}
		return wait;
	}

}
