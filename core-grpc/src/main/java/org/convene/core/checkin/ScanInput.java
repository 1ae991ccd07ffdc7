package org.convene.core.checkin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;

import org.convene.grpc.ApiException;

/** Checks of what scanning devices send. */
final class ScanInput {

	private ScanInput() {
	}

	/** Text of {@code min} to {@code max} characters without control characters, stripped. */
	static String text(String value, String field, int min, int max) {
		String text = value.strip();
		if (text.length() < min || text.length() > max) {
			throw ApiException.invalid(field, min == 0 ? "must be at most " + max + " characters"
					: "is required, " + min + " to " + max + " characters");
		}
		if (text.codePoints().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid(field, "must not contain control characters");
		}
		return text;
	}

	/** A valid timestamp, at the microsecond precision PostgreSQL stores. */
	static Instant instant(Timestamp timestamp, boolean present, String field) {
		if (!present || !Timestamps.isValid(timestamp)) {
			throw ApiException.invalid(field, "is required, a valid timestamp");
		}
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).truncatedTo(ChronoUnit.MICROS);
	}

	static void count(int count, int max, String field) {
		if (count < 1 || count > max) {
			throw ApiException.invalid(field, "must hold 1 to " + max + " items, not " + count);
		}
	}

}
