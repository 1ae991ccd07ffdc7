package org.convene.gateway.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.FieldMask;

import org.convene.gateway.web.ProtoInput;
import org.convene.grpc.FieldViolation;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.RotateSecretRequest;
import org.convene.webhook.v1.proto.UpdateSubscriptionRequest;

/**
 * The one conversion of webhook subscription input, from a REST JSON body or a GraphQL input
 * object, into the requests core-grpc takes. Unknown fields are refused; what a valid URL or
 * event type is, is core's to check.
 */
final class WebhookInputs {

	private static final Map<String, String> CREATE_FIELDS = Map.of("url", "an https URL", "description",
			"a string of at most 500 characters", "eventTypes", "an array of event types such as registration.confirmed",
			"retryPolicy", "an object {maxAttempts (1-20), maxIntervalSeconds (60-86400)}");

	/** What a change may name, as core's update mask names it. */
	private static final Map<String, String> PATHS = Map.of("url", "url", "description", "description", "eventTypes",
			"event_types", "retryPolicy", "retry_policy", "enabled", "enabled");

	private static final Map<String, String> CHANGE_FIELDS = Map.of("url", CREATE_FIELDS.get("url"), "description",
			CREATE_FIELDS.get("description"), "eventTypes", CREATE_FIELDS.get("eventTypes"), "retryPolicy",
			CREATE_FIELDS.get("retryPolicy"), "enabled", "true or false");

	/** Fields a change may clear with null: the description, and the event types (then all are delivered). */
	private static final Set<String> CLEARABLE = Set.of("description", "eventTypes");

	private WebhookInputs() {
	}

	static CreateSubscriptionRequest create(Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		CreateSubscriptionRequest.Builder request = CreateSubscriptionRequest.newBuilder();
		ProtoInput.merge(input, CREATE_FIELDS, "is not a field of a new webhook subscription", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.build();
	}

	/** The fields given are changed; null clears the description and the event types. */
	static UpdateSubscriptionRequest update(String id, Map<String, Object> input, long expectedVersion) {
		List<FieldViolation> violations = new ArrayList<>();
		UpdateSubscriptionRequest.Builder request = UpdateSubscriptionRequest.newBuilder().setId(id)
			.setExpectedVersion(expectedVersion);
		ProtoInput.merge(input, CHANGE_FIELDS, "is not a field of a webhook subscription", request, violations);
		input.forEach((name, value) -> {
			if (value == null && PATHS.containsKey(name) && !CLEARABLE.contains(name)) {
				violations.add(new FieldViolation(name, "cannot be null"));
			}
		});
		if (input.isEmpty()) {
			violations.add(new FieldViolation("body", "name at least one field to change"));
		}
		ProtoInput.throwIfAny(violations);
		return request.setUpdateMask(FieldMask.newBuilder().addAllPaths(input.keySet().stream().map(PATHS::get).toList()))
			.build();
	}

	static RotateSecretRequest rotate(String id, Map<String, Object> input) {
		List<FieldViolation> violations = new ArrayList<>();
		RotateSecretRequest.Builder request = RotateSecretRequest.newBuilder().setId(id);
		ProtoInput.merge(input == null ? Map.of() : input, Map.of("overlapSeconds", "0 to 604800 seconds"),
				"is not a field of a secret rotation", request, violations);
		ProtoInput.throwIfAny(violations);
		return request.build();
	}

}
