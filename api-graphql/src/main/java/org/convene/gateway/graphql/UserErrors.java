package org.convene.gateway.graphql;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.StatusRuntimeException;

import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;

/**
 * The expected failures of mutations, as members of their payload unions (GraphQL type
 * names are these classes' simple names). Anything else stays an error with
 * {@code extensions.code}.
 */
public final class UserErrors {

	private static final Pattern SESSION_ID = Pattern.compile("\\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	private UserErrors() {
	}

	/** Runs a mutation; expected failures become a union member, others propagate. */
	public static Object orUserError(Supplier<?> mutation) {
		try {
			return mutation.get();
		}
		catch (StatusRuntimeException ex) {
			return toUserError(ApiError.fromThrowable(ex), ex);
		}
		catch (ApiException ex) {
			return toUserError(ex.error(), ex);
		}
	}

	/** A failure inside a larger answer (one item of a batch) as a UserError type, whatever its code. */
	public static Object itemError(ApiError error) {
		Object userError = userError(error);
		return userError != null ? userError : new ItemFailed(error.code().name(), details(error), error.target());
	}

	private static Object toUserError(ApiError error, RuntimeException failure) {
		Object userError = userError(error);
		if (userError == null) {
			throw failure;
		}
		return userError;
	}

	/** The union member of an expected failure; null for the others. */
	private static Object userError(ApiError error) {
		return switch (error.code()) {
			case VALIDATION_FAILED -> new ValidationFailed(error.code().name(), error.message(),
					error.violations().stream().map(v -> new FieldError(v.field(), v.description())).toList());
			case RESOURCE_NOT_FOUND -> new NotFound(error.code().name(), details(error));
			case PRECONDITION_FAILED -> new VersionConflict(error.code().name(), details(error));
			case INVALID_STATE_TRANSITION -> new InvalidStateTransition(error.code().name(), details(error), error.target());
			case CONFLICT -> new Conflict(error.code().name(), details(error), error.target());
			case SCHEDULE_CONFLICT -> new ScheduleConflict(error.code().name(), details(error), error.target(),
					conflictingSession(error));
			// Registration payloads offer Unavailable, and addToAgenda (a full session is SOLD_OUT).
			case SOLD_OUT, REGISTRATION_LIMIT_REACHED, SALES_NOT_OPEN -> new Unavailable(error.code().name(), details(error));
			default -> null;
		};
	}

	/** The id of the session in the way, which core names first in parentheses in the details. */
	private static String conflictingSession(ApiError error) {
		Matcher matcher = error.details() == null ? null : SESSION_ID.matcher(error.details());
		return matcher != null && matcher.find() ? matcher.group(1) : null;
	}

	private static String details(ApiError error) {
		return error.details() == null ? error.message() : error.message() + ": " + error.details();
	}

	public record ValidationFailed(String code, String message, List<FieldError> fieldErrors) {
	}

	public record FieldError(String field, String message) {
	}

	public record NotFound(String code, String message) {
	}

	public record VersionConflict(String code, String message) {
	}

	public record InvalidStateTransition(String code, String message, String target) {
	}

	public record Conflict(String code, String message, String target) {
	}

	public record Unavailable(String code, String message) {
	}

	public record ScheduleConflict(String code, String message, String target, String conflictingSessionId) {
	}

	public record ItemFailed(String code, String message, String target) {
	}

}
