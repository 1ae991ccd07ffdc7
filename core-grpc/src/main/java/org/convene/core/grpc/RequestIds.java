package org.convene.core.grpc;

import java.util.UUID;

import org.convene.grpc.ApiException;

/** Ids read from requests. */
public final class RequestIds {

	private RequestIds() {
	}

	/** The UUID in a request field; INVALID_ARGUMENT naming the field otherwise. */
	public static UUID uuid(String value, String field) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "must be a UUID");
		}
	}

}
