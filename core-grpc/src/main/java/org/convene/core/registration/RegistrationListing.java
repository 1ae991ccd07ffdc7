package org.convene.core.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import org.convene.core.paging.Keyset;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.RegistrationOrder;
import org.convene.registration.v1.proto.RegistrationStatus;

import static org.convene.schema.core.Tables.REGISTRATION;

/** Turns the filters and order of an attendee list or export into SQL. */
final class RegistrationListing {

	private RegistrationListing() {
	}

	static Condition filter(List<RegistrationStatus> statuses, String ticketTypeId, String query) {
		List<FieldViolation> violations = new ArrayList<>();
		List<Condition> conditions = new ArrayList<>();
		if (!statuses.isEmpty()) {
			List<String> names = new ArrayList<>();
			for (RegistrationStatus status : statuses) {
				if (status == RegistrationStatus.REGISTRATION_STATUS_UNSPECIFIED || status == RegistrationStatus.UNRECOGNIZED) {
					violations.add(new FieldViolation("statuses", "contains an unknown value"));
				}
				else {
					names.add(status.name());
				}
			}
			conditions.add(REGISTRATION.STATUS.in(names));
		}
		if (!ticketTypeId.isEmpty()) {
			try {
				conditions.add(REGISTRATION.TICKET_TYPE_ID.eq(UUID.fromString(ticketTypeId)));
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("ticketTypeId", "must be a UUID"));
			}
		}
		String text = query.strip();
		if (text.length() > 200) {
			violations.add(new FieldViolation("query", "must be at most 200 characters"));
		}
		else if (!text.isEmpty()) {
			conditions.add(REGISTRATION.ATTENDEE_NAME.containsIgnoreCase(text).or(REGISTRATION.ATTENDEE_EMAIL.containsIgnoreCase(text)));
		}
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		return DSL.and(conditions);
	}

	static Keyset<?> keyset(RegistrationOrder order) {
		return switch (order) {
			case REGISTRATION_ORDER_UNSPECIFIED, CREATED_DESC -> Keyset.ofInstant("CREATED:desc", REGISTRATION.CREATED_AT,
					REGISTRATION.ID, true);
			case CREATED_ASC -> Keyset.ofInstant("CREATED:asc", REGISTRATION.CREATED_AT, REGISTRATION.ID, false);
			case ATTENDEE_NAME -> new Keyset<>("ATTENDEE_NAME:asc", REGISTRATION.ATTENDEE_NAME, REGISTRATION.ID, false,
					name -> name, name -> name);
			case UNRECOGNIZED -> throw ApiException.invalid("order", "must be CREATED_DESC, CREATED_ASC or ATTENDEE_NAME");
		};
	}

}
