package org.convene.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.convene.grpc.FieldViolation;

/**
 * Reads the fields of a JSON object (a REST body or a GraphQL input), collecting a violation
 * for each field of the wrong type and each field the object may not have.
 */
public final class JsonFields {

	private final Map<String, Object> input;

	private final List<FieldViolation> violations;

	/**
	 * @param allowed the fields the object may have
	 * @param what what the object is, for the message on an unknown field ("a client")
	 */
	public JsonFields(Map<String, Object> input, Set<String> allowed, String what, List<FieldViolation> violations) {
		this.input = input;
		this.violations = violations;
		input.keySet()
			.stream()
			.filter(key -> !allowed.contains(key))
			.forEach(key -> violations.add(new FieldViolation(key, "is not a field of " + what)));
	}

	public String text(String field, String fallback) {
		Object value = this.input.get(field);
		if (value == null) {
			return fallback;
		}
		if (value instanceof String text) {
			return text;
		}
		this.violations.add(new FieldViolation(field, "must be a string"));
		return fallback;
	}

	public boolean flag(String field, boolean fallback) {
		Object value = this.input.get(field);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		this.violations.add(new FieldViolation(field, "must be true or false"));
		return fallback;
	}

	/** An array of strings, each stripped; empty when absent. */
	public List<String> strings(String field) {
		Object value = this.input.get(field);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
			List<String> strings = new ArrayList<>();
			items.forEach(item -> strings.add(((String) item).strip()));
			return List.copyOf(strings);
		}
		this.violations.add(new FieldViolation(field, "must be an array of strings"));
		return List.of();
	}

}
