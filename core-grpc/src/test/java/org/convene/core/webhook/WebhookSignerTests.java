package org.convene.core.webhook;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signatures against numbers published elsewhere, and shown in the README. */
class WebhookSignerTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@Test
	void signsTheStandardWebhooksTestVector() {
		assertThat(WebhookSigner.signatures(List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void signsTheTimestampAndTokenOfTheBodysSignatureObject() {
		assertThat(WebhookSigner.legacy(SECRET, 1614265330, "9f2b6a0c1d7e4c3b8a5f6e7d8c9b0a1f"))
			.isEqualTo("sha256=a4a893c1d33d1d389ff6d586e456543400521d45e8f007e9b14fd1062c6301c1");
	}

	@Test
	void separatesTheSignaturesOfSeveralSecretsWithSpaces() {
		String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

		String header = WebhookSigner.signatures(List.of(SECRET, other), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}");

		assertThat(header.split(" ")).hasSize(2).startsWith("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

}
