package org.convene.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries. The headers follow the Standard Webhooks specification:
 * {@code webhook-signature} holds {@code v1,} and the base64 HMAC-SHA256, keyed with the
 * secret's bytes (the base64 after {@code whsec_}), of {@code <webhook-id>.<webhook-timestamp>.<body>};
 * one such signature per secret in use, separated by spaces. The body's {@code signature}
 * object of spec 6.3 holds {@code sha256=} and the hex HMAC-SHA256 of {@code <timestamp>.<token>}:
 * it proves the sender, not the body, and is there for integrations written against the spec.
 */
final class WebhookSigner {

	static final String SECRET_PREFIX = "whsec_";

	private WebhookSigner() {
	}

	/** The Standard Webhooks signature header of a message, with every secret given. */
	static String signatures(List<String> secrets, String messageId, long timestamp, String body) {
		byte[] content = (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
		return secrets.stream()
			.map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret, content)))
			.collect(Collectors.joining(" "));
	}

	/** The spec 6.3 signature of a timestamp and token. */
	static String legacy(String secret, long timestamp, String token) {
		return "sha256=" + HexFormat.of().formatHex(hmac(secret, (timestamp + "." + token).getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] hmac(String secret, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
			return mac.doFinal(content);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
