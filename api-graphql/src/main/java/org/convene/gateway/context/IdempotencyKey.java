package org.convene.gateway.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;
import org.convene.grpc.IdempotencyKeys;

/**
 * The idempotency key of a request, or of one mutation of a GraphQL request, as forwarded to
 * core: a valid key, or the reason the one sent cannot be used. An unusable key fails only
 * the mutations it would apply to, when they are called ({@link #require()}).
 */
public final class IdempotencyKey {

	/** The REST and GraphQL request header. */
	public static final String HEADER = "Idempotency-Key";

	/** The response header telling that the answer is the stored answer of an earlier request. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private final String value;

	private final String problem;

	private final String target;

	private IdempotencyKey(String value, String problem, String target) {
		this.value = value;
		this.problem = problem;
		this.target = target;
	}

	/**
	 * The key of an {@code Idempotency-Key} header: a bare token, or a structured-field
	 * string ({@code "8e03978e-..."}) as the IETF draft writes it.
	 * @return the key, or {@code null} when the header is absent
	 */
	public static IdempotencyKey fromHeader(String header) {
		if (header == null) {
			return null;
		}
		String trimmed = header.strip();
		if (!trimmed.startsWith("\"")) {
			return of(trimmed, HEADER);
		}
		StringBuilder key = new StringBuilder();
		for (int i = 1; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '"') {
				return i == trimmed.length() - 1 ? of(key.toString(), HEADER) : malformed();
			}
			if (c == '\\') {
				if (++i == trimmed.length() || (trimmed.charAt(i) != '"' && trimmed.charAt(i) != '\\')) {
					return malformed();
				}
				c = trimmed.charAt(i);
			}
			key.append(c);
		}
		return malformed();
	}

	/** A key given elsewhere than in the header, e.g. as a GraphQL argument named {@code target}. */
	public static IdempotencyKey of(String value, String target) {
		return new IdempotencyKey(value, IdempotencyKeys.problem(value), target);
	}

	private static IdempotencyKey malformed() {
		return new IdempotencyKey(null, "is not a valid structured-field string: a quoted key may escape only \" and \\",
				HEADER);
	}

	/**
	 * This key for one of several operations of a request: the key, a colon and the
	 * operation's name, so that one header key does not make different operations collide.
	 * A result longer than a key may be is replaced by {@code sha256:} and its hash.
	 */
	public IdempotencyKey scopedTo(String name) {
		if (this.problem != null) {
			return this;
		}
		String scoped = this.value + ":" + name;
		if (scoped.length() > IdempotencyKeys.MAX_LENGTH) {
			scoped = "sha256:" + HexFormat.of().formatHex(sha256(scoped));
		}
		return of(scoped, this.target);
	}

	/** The key; fails with INVALID_REQUEST when the key sent cannot be used. */
	public String require() {
		if (this.problem != null) {
			throw ApiException.of(ErrorCode.INVALID_REQUEST, "The idempotency key is invalid", "The key " + this.problem,
					this.target);
		}
		return this.value;
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.problem == null ? this.value : "invalid (" + this.problem + ")";
	}

}
