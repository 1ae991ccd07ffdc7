package org.convene.core.grpc;

import java.time.Instant;

import org.convene.core.auth.Caller;

/** Takes a record of every call core served, for the audit log. */
public interface CallRecorder {

	void record(Call call);

	/**
	 * One served call.
	 *
	 * @param at when it started
	 * @param caller who made it
	 * @param operation the full gRPC method name
	 * @param outcome {@code OK} or the error code
	 * @param clientAddress the end client's address, or empty
	 * @param correlationId the correlation id
	 * @param durationMillis how long it took
	 */
	record Call(Instant at, Caller caller, String operation, String outcome, String clientAddress, String correlationId,
			long durationMillis) {
	}

}
