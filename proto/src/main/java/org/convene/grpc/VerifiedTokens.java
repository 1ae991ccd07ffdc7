package org.convene.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What verifying a bearer token found, kept by the token's text until the token expires: a
 * client sends the same token with every request, and checking its signature and claims each
 * time cost more CPU than anything else a registration does. Only tokens that verified are
 * kept. Bounded: when full, it starts over.
 *
 * @param <T> what a verified token is to its service
 */
public final class VerifiedTokens<T> {

	private final ConcurrentHashMap<String, Verified<T>> verified = new ConcurrentHashMap<>();

	private final int capacity;

	private final Clock clock;

	private final Function<T, Instant> expiry;

	/**
	 * @param capacity the most tokens kept
	 * @param expiry when a verified token expires; null for never, which is then not kept
	 */
	public VerifiedTokens(int capacity, Clock clock, Function<T, Instant> expiry) {
		this.capacity = capacity;
		this.clock = clock;
		this.expiry = expiry;
	}

	/**
	 * The verified token, from an earlier verification that has not expired, else from
	 * {@code verify}, whose failures reach the caller and are not kept.
	 */
	public T get(String token, Function<String, T> verify) {
		Verified<T> earlier = this.verified.get(token);
		if (earlier != null && this.clock.instant().isBefore(earlier.expiresAt())) {
			return earlier.value();
		}
		T value = verify.apply(token);
		Instant expiresAt = this.expiry.apply(value);
		if (expiresAt != null) {
			if (this.verified.size() >= this.capacity) {
				this.verified.clear();
			}
			this.verified.put(token, new Verified<>(value, expiresAt));
		}
		return value;
	}

	private record Verified<T>(T value, Instant expiresAt) {
	}

}
