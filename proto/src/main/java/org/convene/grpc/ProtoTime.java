package org.convene.grpc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.google.protobuf.Timestamp;

/** Converts between {@link Instant} and protobuf {@link Timestamp}. */
public final class ProtoTime {

	private ProtoTime() {
	}

	public static Timestamp of(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

	public static Instant toInstant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	/** The instant in UTC, as REST and GraphQL show times. */
	public static OffsetDateTime utc(Timestamp timestamp) {
		return toInstant(timestamp).atOffset(ZoneOffset.UTC);
	}

	/** The instant in UTC, or {@code null} when the optional field is not set. */
	public static OffsetDateTime utc(boolean present, Timestamp timestamp) {
		return present ? utc(timestamp) : null;
	}

}
