package org.convene.core.registration;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiError;

/** The reasons a registration is refused, worded once. */
final class Refusals {

	private Refusals() {
	}

	static ApiError soldOut(Applicant applicant) {
		return ApiError.of(ErrorCode.SOLD_OUT, "No seats are left",
				"Ticket type '" + applicant.ticketTypeId() + "' or its event has no seats left; set joinWaitlist to wait for one",
				"ticketTypeId");
	}

	static ApiError limitReached(Applicant applicant) {
		return ApiError.of(ErrorCode.REGISTRATION_LIMIT_REACHED,
				"The attendee already holds as many registrations of this ticket type as allowed",
				"At most " + applicant.maxPerUser() + " active registrations of ticket type '" + applicant.ticketTypeId()
						+ "' per attendee",
				"ticketTypeId");
	}

	static ApiError notOpen(String eventId, String status) {
		return ApiError.of(ErrorCode.INVALID_STATE_TRANSITION, "Registration is open for published events only",
				"Event '" + eventId + "' is " + status, "eventId");
	}

	static ApiError abandoned() {
		return ApiError.of(ErrorCode.DEADLINE_EXCEEDED, "The request was cancelled or ran out of time before it was carried out");
	}

	/** For the items of an all-or-nothing batch that did not fail themselves. */
	static ApiError notApplied(String failedItems) {
		return ApiError.of(ErrorCode.PRECONDITION_FAILED, "Nothing was registered: another item of this all-or-nothing batch failed",
				"Failed items: " + failedItems, "allOrNothing");
	}

}
