package org.convene.grpc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger verifications = new AtomicInteger();

	/** A "token" is its expiry in seconds from NOW; "bad" does not verify. */
	private final Function<String, Instant> verify = token -> {
		this.verifications.incrementAndGet();
		if (token.equals("bad")) {
			throw new IllegalArgumentException("does not verify");
		}
		return NOW.plusSeconds(Long.parseLong(token));
	};

	private final VerifiedTokens<Instant> tokens = new VerifiedTokens<>(2, this.clock, expiresAt -> expiresAt);

	@Test
	void verifiesATokenOnceUntilItExpires() {
		this.tokens.get("300", this.verify);
		this.tokens.get("300", this.verify);
		this.clock.now = NOW.plusSeconds(299);
		this.tokens.get("300", this.verify);

		assertThat(this.verifications).hasValue(1);
		this.clock.now = NOW.plusSeconds(300);
		this.tokens.get("300", this.verify);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void keepsNothingOfATokenThatFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.get("bad", this.verify));
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.get("bad", this.verify));

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void startsOverWhenFull() {
		this.tokens.get("100", this.verify);
		this.tokens.get("200", this.verify);
		this.tokens.get("300", this.verify);
		this.tokens.get("300", this.verify);
		this.tokens.get("100", this.verify);

		assertThat(this.verifications).hasValue(4);
	}

	private static final class MutableClock extends Clock {

		Instant now = NOW;

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
