package org.convene.core.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule partners read about in the README. */
class WebhookRetriesTests {

	private static final Duration FIRST = Duration.ofSeconds(10);

	@Test
	void waitsFiveTimesLongerAfterEachFailureUpToTheMaximumInterval() {
		assertThat(WebhookRetries.backoff(FIRST, 1, 36_000)).isEqualTo(Duration.ofSeconds(10));
		assertThat(WebhookRetries.backoff(FIRST, 2, 36_000)).isEqualTo(Duration.ofSeconds(50));
		assertThat(WebhookRetries.backoff(FIRST, 5, 36_000)).isEqualTo(Duration.ofSeconds(6_250));
		assertThat(WebhookRetries.backoff(FIRST, 7, 36_000)).isEqualTo(Duration.ofHours(10));
		assertThat(WebhookRetries.backoff(FIRST, 20, 36_000)).isEqualTo(Duration.ofHours(10));
		assertThat(WebhookRetries.backoff(FIRST, 3, 60)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void theDefaultPolicyRetriesForAboutThreeDays() {
		Duration total = Duration.ZERO;
		for (int failed = 1; failed < WebhookSubscriptions.DEFAULT_MAX_ATTEMPTS; failed++) {
			total = total.plus(WebhookRetries.backoff(FIRST, failed, WebhookSubscriptions.DEFAULT_MAX_INTERVAL));
		}
		assertThat(total).isBetween(Duration.ofHours(66), Duration.ofHours(78));
	}

	@Test
	void jittersByAFifthEitherWayAndHonoursRetryAfterUpToTheMaximum() {
		for (int i = 0; i < 200; i++) {
			assertThat(WebhookRetries.delay(FIRST, 2, 36_000, null)).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(60));
		}
		assertThat(WebhookRetries.delay(FIRST, 1, 36_000, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
		assertThat(WebhookRetries.delay(FIRST, 1, 600, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(10));
	}

}
