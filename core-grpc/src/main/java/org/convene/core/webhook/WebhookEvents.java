package org.convene.core.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.convene.grpc.FieldViolation;

/** The event types a subscription can ask for (spec 6.1). */
final class WebhookEvents {

	static final Set<String> TYPES = Set.of("event.created", "event.updated", "event.published", "event.cancelled",
			"registration.created", "registration.confirmed", "registration.cancelled", "payment.completed",
			"payment.failed", "payment.refunded", "checkin.completed", "session.created", "session.updated",
			"session.cancelled");

	private WebhookEvents() {
	}

	/** The types asked for, each once, in the order given; an unknown one is a violation. */
	static List<String> check(List<String> types, List<FieldViolation> violations) {
		Set<String> distinct = new LinkedHashSet<>();
		for (int i = 0; i < types.size(); i++) {
			String type = types.get(i).strip();
			if (!TYPES.contains(type)) {
				violations.add(new FieldViolation("eventTypes[" + i + "]", "is not an event type: " + types.get(i)));
			}
			distinct.add(type);
		}
		return new ArrayList<>(distinct);
	}

}
