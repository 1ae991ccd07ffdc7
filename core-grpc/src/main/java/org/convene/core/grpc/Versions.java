package org.convene.core.grpc;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/** Optimistic concurrency: a change names the version its caller read. */
public final class Versions {

	private Versions() {
	}

	/**
	 * Fails with PRECONDITION_FAILED unless the caller read the current version (0 skips the check).
	 * @param what the kind of resource, e.g. "event"
	 */
	public static void check(String what, long expected, long current) {
		if (expected != 0 && expected != current) {
			throw ApiException.of(ErrorCode.PRECONDITION_FAILED, "The " + what + " was changed by someone else",
					"Expected version " + expected + " but the current version is " + current, "version");
		}
	}

}
