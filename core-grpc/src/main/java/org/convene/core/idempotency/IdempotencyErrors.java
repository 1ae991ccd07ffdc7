package org.convene.core.idempotency;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;
import org.convene.grpc.IdempotencyKeys;

/** The failures of idempotent calls, all aimed at the key. */
final class IdempotencyErrors {

	private IdempotencyErrors() {
	}

	static ApiException invalid(String problem) {
		return ApiException.of(ErrorCode.INVALID_REQUEST, "The Idempotency-Key is invalid", "The key " + problem,
				IdempotencyKeys.TARGET);
	}

	static ApiException reused() {
		return ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
				"This Idempotency-Key was already used for a different request",
				"The key was first sent with another operation or other parameters; use a new key for a new request",
				IdempotencyKeys.TARGET);
	}

	static ApiException inUse() {
		return ApiException.of(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
				"A request with this Idempotency-Key is still being processed",
				"Retry shortly with the same key to get its answer", IdempotencyKeys.TARGET);
	}

}
