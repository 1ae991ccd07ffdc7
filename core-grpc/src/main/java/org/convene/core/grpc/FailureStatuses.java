package org.convene.core.grpc;

import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/**
 * The one translation of anything a service method throws into the status its caller
 * receives. Expected failures carry their {@link ApiError}; anything else is logged with
 * its stack trace and answered as INTERNAL without internals.
 */
final class FailureStatuses {

	private static final Logger log = LoggerFactory.getLogger(FailureStatuses.class);

	private FailureStatuses() {
	}

	static StatusRuntimeException toStatus(Throwable failure) {
		if (failure instanceof ApiException api) {
			return api.error().toStatusException();
		}
		if (failure instanceof StatusRuntimeException status) {
			return status;
		}
		if (failure instanceof PessimisticLockingFailureException || failure instanceof QueryTimeoutException) {
			log.warn("Database contention: {}", failure.getMessage());
			return ApiError.of(ErrorCode.SERVICE_UNAVAILABLE, "The resource is busy; retry shortly").toStatusException();
		}
		if (failure instanceof DataIntegrityViolationException && names(failure, "session_within_event")) {
			// An event moved (or shrank) away from its scheduled sessions: the sessions' copy
			// of its time follows it (ON UPDATE CASCADE) and their CHECK refuses.
			return ApiError.of(ErrorCode.CONFLICT, "The event's scheduled sessions would lie outside its time",
					"Move or cancel the sessions outside the new time first", "startsAt").toStatusException();
		}
		if (failure instanceof DataIntegrityViolationException) {
			log.warn("Constraint violated: {}", failure.getMessage());
			return ApiError.of(ErrorCode.CONFLICT, "The change conflicts with the current data").toStatusException();
		}
		log.error("Unexpected failure", failure);
		return ApiError.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred").toStatusException();
	}

	/** Whether the failure or one of its causes names the database constraint. */
	private static boolean names(Throwable failure, String constraint) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("\"" + constraint + "\"")) {
				return true;
			}
		}
		return false;
	}

}
