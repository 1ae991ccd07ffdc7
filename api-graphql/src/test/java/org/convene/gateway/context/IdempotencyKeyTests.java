package org.convene.gateway.context;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyKeyTests {

	@Nested
	class Header {

		@Test
		void readsABareKey() {
			assertThat(IdempotencyKey.fromHeader(" 8e03978e-40d5 ").require()).isEqualTo("8e03978e-40d5");
		}

		@Test
		void readsAStructuredFieldStringWithItsEscapes() {
			assertThat(IdempotencyKey.fromHeader("\"8e03978e-40d5\"").require()).isEqualTo("8e03978e-40d5");
			assertThat(IdempotencyKey.fromHeader("\"a\\\"b\\\\c\"").require()).isEqualTo("a\"b\\c");
		}

		@Test
		void refusesMalformedStringsNamingTheHeader() {
			for (String header : new String[] { "\"unterminated", "\"trailing\"x", "\"bad \\escape\"", "\"\"" }) {
				ApiException failure = catchThrowableOfType(ApiException.class,
						() -> IdempotencyKey.fromHeader(header).require());

				assertThat(failure.error().code()).as(header).isEqualTo(ErrorCode.INVALID_REQUEST);
				assertThat(failure.error().target()).isEqualTo("Idempotency-Key");
			}
		}

		@Test
		void isAbsentWithoutTheHeader() {
			assertThat(IdempotencyKey.fromHeader(null)).isNull();
		}

	}

	@Nested
	class Scoping {

		@Test
		void appendsTheOperationsName() {
			assertThat(IdempotencyKey.fromHeader("abc").scopedTo("second").require()).isEqualTo("abc:second");
		}

		@Test
		void hashesScopedKeysThatWouldBeTooLong() {
			String scoped = IdempotencyKey.fromHeader("k".repeat(250)).scopedTo("createEvent").require();

			assertThat(scoped).startsWith("sha256:").hasSize(7 + 64);
			assertThat(IdempotencyKey.fromHeader("k".repeat(250)).scopedTo("createEvent").require()).isEqualTo(scoped);
		}

		@Test
		void keepsTheProblemOfAnUnusableKey() {
			ApiException failure = catchThrowableOfType(ApiException.class,
					() -> IdempotencyKey.of("k".repeat(300), "idempotencyKey").scopedTo("createEvent").require());

			assertThat(failure.error().target()).isEqualTo("idempotencyKey");
		}

	}

}
