package org.convene.grpc;

import org.junit.jupiter.api.Test;

import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.UserServiceGrpc;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTests {

	@Test
	void takesKeysOnlyForUnaryMethodsDeclaredMutations() {
		assertThat(IdempotencyKeys.isMutation(EventServiceGrpc.getCreateEventMethod())).isTrue();
		assertThat(IdempotencyKeys.isMutation(UserServiceGrpc.getSignUpMethod())).isTrue();
		assertThat(IdempotencyKeys.isMutation(EventServiceGrpc.getGetEventMethod())).isFalse();
		assertThat(IdempotencyKeys.isMutation(RegistrationServiceGrpc.getExportRegistrationsMethod())).isFalse();
	}

	@Test
	void acceptsOneTo255PrintableAsciiCharacters() {
		assertThat(IdempotencyKeys.problem("8e03978e-40d5-43e8-bc93-6894a57f9324")).isNull();
		assertThat(IdempotencyKeys.problem("k".repeat(255))).isNull();
		assertThat(IdempotencyKeys.problem("")).contains("empty");
		assertThat(IdempotencyKeys.problem("k".repeat(256))).contains("255");
		assertThat(IdempotencyKeys.problem("caf\u00e9")).contains("printable ASCII");
		assertThat(IdempotencyKeys.problem("tab\there")).contains("printable ASCII");
	}

}
