package org.convene.gateway.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.FieldMask;

import org.convene.gateway.web.ProtoInput;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.RegistrationOrder;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.UpdateRegistrationRequest;
import org.convene.registration.v1.proto.UpdateTicketTypeRequest;

/**
 * The one conversion of ticket-type and registration input, from a REST JSON body or a
 * GraphQL input object, into core's requests; field names are the proto JSON names.
 */
final class RegistrationInputs {

	static final Map<String, String> TICKET_TYPE_FIELDS = Map.ofEntries(Map.entry("name", "a string"),
			Map.entry("description", "a string"),
			Map.entry("price", "an object {amount: integer minor units, currency: ISO 4217 code}"),
			Map.entry("quantity", "a non-negative integer, or null for no limit of its own"),
			Map.entry("salesStart", "an RFC 3339 date-time"), Map.entry("salesEnd", "an RFC 3339 date-time"),
			Map.entry("maxPerOrder", "an integer from 1 to 100"), Map.entry("maxPerUser", "a non-negative integer"),
			Map.entry("visibility", "PUBLIC or HIDDEN"),
			Map.entry("questions", "an array of {key, label, kind: TEXT|CHOICE|YES_NO, required, options}"),
			Map.entry("position", "an integer"));

	static final Map<String, String> REGISTRATION_FIELDS = Map.of("eventId", "an event id (UUID)", "ticketTypeId",
			"a ticket type id (UUID)", "attendee", "an object {name, email}", "userId", "a user id (UUID)", "answers",
			"an object of answers by question key, each a string", "joinWaitlist", "true or false");

	/** The most items of one batch request. */
	static final int MAX_BATCH = 100;

	private RegistrationInputs() {
	}

	static CreateTicketTypeRequest createTicketType(String eventId, Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		TicketTypeDraft draft = ticketType(input, violations);
		ProtoInput.throwIfAny(violations);
		return CreateTicketTypeRequest.newBuilder().setEventId(eventId).setTicketType(draft).build();
	}

	static UpdateTicketTypeRequest updateTicketType(String id, Map<String, Object> input, long expectedVersion) {
		List<FieldViolation> violations = new ArrayList<>();
		TicketTypeDraft draft = ticketType(input, violations);
		if (input.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one field to change"));
		}
		ProtoInput.throwIfAny(violations);
		return UpdateTicketTypeRequest.newBuilder()
			.setId(id)
			.setTicketType(draft)
			.setUpdateMask(FieldMask.newBuilder().addAllPaths(input.keySet()))
			.setExpectedVersion(expectedVersion)
			.build();
	}

	static CreateRegistrationRequest createRegistration(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		CreateRegistrationRequest request = registration(input, "", violations);
		ProtoInput.throwIfAny(violations);
		return request;
	}

	@SuppressWarnings("unchecked")
	static BatchCreateRegistrationsRequest batch(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		input.keySet().stream().filter(key -> !key.equals("items") && !key.equals("allOrNothing"))
			.forEach(key -> violations.add(new FieldViolation(key, "is not a field of a batch; use items and allOrNothing")));
		BatchCreateRegistrationsRequest.Builder batch = BatchCreateRegistrationsRequest.newBuilder();
		if (!(input.get("items") instanceof List<?> items) || items.isEmpty() || items.size() > MAX_BATCH) {
			violations.add(new FieldViolation("items", "an array of 1 to " + MAX_BATCH + " registrations"));
		}
		else {
			for (int i = 0; i < items.size(); i++) {
				if (items.get(i) instanceof Map<?, ?> item) {
					batch.addItems(registration((Map<String, Object>) item, "items[" + i + "].", violations));
				}
				else {
					violations.add(new FieldViolation("items[" + i + "]", "must be an object"));
				}
			}
		}
		Object allOrNothing = input.get("allOrNothing");
		if (allOrNothing != null && !(allOrNothing instanceof Boolean)) {
			violations.add(new FieldViolation("allOrNothing", "must be true or false"));
		}
		ProtoInput.throwIfAny(violations);
		return batch.setAllOrNothing(Boolean.TRUE.equals(allOrNothing)).build();
	}

	static UpdateRegistrationRequest updateRegistration(String id, Map<String, Object> input, long expectedVersion) {
		List<FieldViolation> violations = new ArrayList<>();
		UpdateRegistrationRequest.Builder request = UpdateRegistrationRequest.newBuilder().setId(id)
			.setExpectedVersion(expectedVersion);
		FieldMask.Builder mask = FieldMask.newBuilder();
		input.forEach((name, value) -> {
			switch (name) {
				case "attendee" -> {
					ProtoInput.mergeField("attendee", value, REGISTRATION_FIELDS.get("attendee"), request, violations);
					if (value instanceof Map<?, ?> attendee) {
						attendee.keySet().forEach(key -> mask.addPaths("attendee." + key));
					}
				}
				case "answers" -> {
					ProtoInput.mergeField("answers", value, REGISTRATION_FIELDS.get("answers"), request, violations);
					mask.addPaths("answers");
				}
				default -> violations.add(new FieldViolation(name, "cannot be changed; change attendee or answers"));
			}
		});
		if (input.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one field to change"));
		}
		ProtoInput.throwIfAny(violations);
		return request.setUpdateMask(mask).build();
	}

	/** Statuses as a REST parameter (repeated or comma-separated) or GraphQL list. */
	static List<RegistrationStatus> statuses(List<String> values) {
		List<RegistrationStatus> statuses = new ArrayList<>();
		for (String value : values == null ? List.<String>of() : values) {
			for (String name : value.split(",")) {
				try {
					RegistrationStatus status = RegistrationStatus.valueOf(name.strip());
					if (status == RegistrationStatus.UNRECOGNIZED || status == RegistrationStatus.REGISTRATION_STATUS_UNSPECIFIED) {
						throw new IllegalArgumentException();
					}
					statuses.add(status);
				}
				catch (IllegalArgumentException ex) {
					throw ApiException.invalid("status",
							"PENDING_PAYMENT, CONFIRMED, WAITLISTED, CANCELLED or CHECKED_IN; not " + name.strip());
				}
			}
		}
		return statuses;
	}

	/** createdAt (oldest first), -createdAt (newest first, the default) or attendeeName. */
	static RegistrationOrder order(String sort) {
		if (sort == null || sort.equals("-createdAt")) {
			return RegistrationOrder.CREATED_DESC;
		}
		return switch (sort) {
			case "createdAt" -> RegistrationOrder.CREATED_ASC;
			case "attendeeName" -> RegistrationOrder.ATTENDEE_NAME;
			default -> throw ApiException.invalid("sort", "createdAt, -createdAt or attendeeName");
		};
	}

	private static TicketTypeDraft ticketType(Map<String, Object> input, List<FieldViolation> violations) {
		TicketTypeDraft.Builder draft = TicketTypeDraft.newBuilder();
		ProtoInput.merge(input, TICKET_TYPE_FIELDS, "is not a field of a ticket type", draft, violations);
		return draft.build();
	}

	private static CreateRegistrationRequest registration(Map<String, Object> input, String prefix,
			List<FieldViolation> violations) {
		CreateRegistrationRequest.Builder request = CreateRegistrationRequest.newBuilder();
		List<FieldViolation> found = new ArrayList<>();
		ProtoInput.merge(new LinkedHashMap<>(input), REGISTRATION_FIELDS, "is not a field of a registration", request, found);
		found.forEach(v -> violations.add(new FieldViolation(prefix + v.field(), v.description())));
		return request.build();
	}

}
