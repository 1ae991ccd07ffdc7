package org.convene.core.support;

import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Catches the status of a gRPC call that is expected to fail. */
public final class Failures {

	private Failures() {
	}

	/** The status the call failed with; fails the test when the call succeeds or fails otherwise. */
	public static StatusRuntimeException failureOf(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).as("status of a call that should have failed").isInstanceOf(StatusRuntimeException.class);
		return (StatusRuntimeException) thrown;
	}

}
