package org.convene.core.ticket;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed part of a ticket code, 57 bytes: format version (1 byte, 1), registration,
 * event and ticket type ids (16 bytes each, big-endian UUIDs), issue time (4 bytes, unsigned
 * seconds since the epoch) and the signing key's id (4 bytes; the JWK kid is their base64url).
 * Binary rather than JSON keeps the whole code near 170 characters, a QR code of version 9.
 */
final class TicketPayload {

	static final byte VERSION = 1;

	static final int KEY_ID_BYTES = 4;

	static final int LENGTH = 1 + 3 * 16 + 4 + KEY_ID_BYTES;

	private static final long MAX_SECONDS = 0xFFFF_FFFFL;

	private TicketPayload() {
	}

	static byte[] encode(TicketCode code) {
		long seconds = code.issuedAt().getEpochSecond();
		if (seconds < 0 || seconds > MAX_SECONDS) {
			throw new IllegalArgumentException("Issue time out of range: " + code.issuedAt());
		}
		byte[] keyId = Base64.getUrlDecoder().decode(code.keyId());
		if (keyId.length != KEY_ID_BYTES) {
			throw new IllegalArgumentException("Key ids are " + KEY_ID_BYTES + " bytes: " + code.keyId());
		}
		ByteBuffer buffer = ByteBuffer.allocate(LENGTH).put(VERSION);
		put(buffer, code.registrationId());
		put(buffer, code.eventId());
		put(buffer, code.ticketTypeId());
		return buffer.putInt((int) seconds).put(keyId).array();
	}

	/** The payload's content, or {@code null} when it is not a payload of this version. */
	static TicketCode decode(byte[] payload) {
		if (payload.length != LENGTH || payload[0] != VERSION) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload, 1, LENGTH - 1);
		UUID registration = uuid(buffer);
		UUID event = uuid(buffer);
		UUID ticketType = uuid(buffer);
		Instant issuedAt = Instant.ofEpochSecond(Integer.toUnsignedLong(buffer.getInt()));
		byte[] keyId = new byte[KEY_ID_BYTES];
		buffer.get(keyId);
		return new TicketCode(registration, event, ticketType, issuedAt, keyId(keyId));
	}

	static String keyId(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void put(ByteBuffer buffer, UUID id) {
		buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
	}

	private static UUID uuid(ByteBuffer buffer) {
		return new UUID(buffer.getLong(), buffer.getLong());
	}

}
