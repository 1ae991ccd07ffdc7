package org.convene.core.registration;

import org.convene.grpc.ApiError;
import org.convene.registration.v1.proto.Registration;

/**
 * What became of one applicant: a registration, or the reason there is none.
 *
 * @param registration the registration, or {@code null}
 * @param error why it failed, or {@code null}
 */
record Outcome(Registration registration, ApiError error) {

	static Outcome of(Registration registration) {
		return new Outcome(registration, null);
	}

	static Outcome failed(ApiError error) {
		return new Outcome(null, error);
	}

	boolean failed() {
		return this.error != null;
	}

}
