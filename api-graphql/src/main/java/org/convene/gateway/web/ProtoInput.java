package org.convene.gateway.web;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/**
 * Reads input — a REST JSON body or a GraphQL input object, both maps here — into a protobuf
 * message, field by field with the proto's JSON names, so a type error names the field it is
 * in and every door accepts the same input.
 */
public final class ProtoInput {

	private static final Gson GSON = new GsonBuilder().create();

	private ProtoInput() {
	}

	/**
	 * Copies the known fields of the input; unknown fields and values of the wrong type
	 * become violations. Null values are skipped (the field stays unset).
	 * @param expected for each known field, what it expects ("a string", ...)
	 * @param unknown the description of an unknown field
	 */
	public static void merge(Map<String, Object> input, Map<String, String> expected, String unknown,
			Message.Builder target, List<FieldViolation> violations) {
		input.forEach((name, value) -> {
			String expectation = expected.get(name);
			if (expectation == null) {
				violations.add(new FieldViolation(name, unknown));
			}
			else if (value != null) {
				mergeField(name, value, expectation, target, violations);
			}
		});
	}

	/** Copies one field into the message, or records that it must be {@code expected}. */
	public static void mergeField(String name, Object value, String expected, Message.Builder target,
			List<FieldViolation> violations) {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put(name, plain(value));
		try {
			JsonFormat.parser().merge(GSON.toJson(field), target);
		}
		catch (InvalidProtocolBufferException | RuntimeException ex) {
			violations.add(new FieldViolation(name, "must be " + expected));
		}
	}

	public static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

	/** Date-times become their RFC 3339 text, as the protobuf JSON parser expects them. */
	private static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(k.toString(), plain(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ProtoInput::plain).toList();
		}
		if (value instanceof TemporalAccessor temporal) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(temporal);
		}
		return value;
	}

}
