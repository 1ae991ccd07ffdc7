package org.convene.core.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;

/**
 * One message for one subscription, in the format of spec 6.3, with the Standard Webhooks
 * headers. Its id stays the same on every attempt, so receivers de-duplicate by it.
 *
 * @param id {@code msg_} and 32 hex digits
 * @param eventType e.g. {@code registration.confirmed}, or {@code ping}
 * @param occurredAt when the event happened
 * @param data the event's payload, as JSON
 */
record WebhookMessage(String id, String eventType, Instant occurredAt, String data) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static String newId() {
		return "msg_" + random();
	}

	/** The request body and headers of an attempt made now, signed with every secret the subscription signs with. */
	Delivery signedFor(WebhookSubscriptionRecord subscription, Instant now) {
		long timestamp = now.getEpochSecond();
		String token = random();
		String body = "{\"id\":\"" + this.id + "\",\"event\":\"" + this.eventType + "\",\"timestamp\":\""
				+ this.occurredAt.truncatedTo(ChronoUnit.SECONDS) + "\",\"version\":\"1.0\",\"data\":" + this.data
				+ ",\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
				+ WebhookSigner.legacy(subscription.getSecret(), timestamp, token) + "\"}}";
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", this.id);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", WebhookSigner.signatures(secrets(subscription, now), this.id, timestamp, body));
		return new Delivery(body, headers);
	}

	/** The current secret, and the previous one while its overlap lasts. */
	static List<String> secrets(WebhookSubscriptionRecord subscription, Instant now) {
		List<String> secrets = new ArrayList<>(List.of(subscription.getSecret()));
		if (subscription.getPreviousSecret() != null && subscription.getPreviousSecretExpiresAt() != null
				&& now.isBefore(subscription.getPreviousSecretExpiresAt())) {
			secrets.add(subscription.getPreviousSecret());
		}
		return secrets;
	}

	private static String random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** What one attempt sends. */
	record Delivery(String body, Map<String, String> headers) {
	}

}
