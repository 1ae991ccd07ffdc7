package org.convene.core.event;

import java.util.List;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.EventRecord;

/** Checks shared by every change of an event. */
final class EventRules {

	private EventRules() {
	}

	static void requireOpen(EventRecord event, String action) {
		if (!"DRAFT".equals(event.getStatus()) && !"PUBLISHED".equals(event.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A " + event.getStatus().toLowerCase()
					+ " event cannot be " + action, "Event '" + event.getId() + "' is " + event.getStatus(), "status");
		}
	}

	static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

	/** A sub-event lies within its parent's time. */
	static void checkWithinParent(EventRecord child, EventRecord parent, List<FieldViolation> violations) {
		if (child.getStartsAt() == null || child.getEndsAt() == null) {
			return;
		}
		if (child.getStartsAt().isBefore(parent.getStartsAt()) || child.getEndsAt().isAfter(parent.getEndsAt())) {
			violations.add(new FieldViolation("startsAt", "a sub-event must lie within its parent event ("
					+ parent.getStartsAt() + " to " + parent.getEndsAt() + ")"));
		}
	}

}
