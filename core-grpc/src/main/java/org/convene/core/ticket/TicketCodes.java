package org.convene.core.ticket;

import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.RegistrationRecord;
import org.convene.ticket.v1.proto.Ticket;

/**
 * Issues and reads ticket codes: {@code "CV1." + base64url(payload) + "." +
 * base64url(signature)}, the Ed25519 signature being over the payload's bytes (see
 * {@link TicketPayload}). A registration's code is the same whenever it is asked for: the
 * issue time is its confirmation and Ed25519 signatures are deterministic.
 */
@Component
public class TicketCodes {

	static final String PREFIX = "CV1.";

	/** Longer input is not a code; checked before any decoding. */
	private static final int MAX_LENGTH = 256;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final TicketKeys keys;

	TicketCodes(TicketKeys keys) {
		this.keys = keys;
	}

	/** The ticket of a registration that has one (CONFIRMED or CHECKED_IN). */
	public Ticket ticket(RegistrationRecord registration) {
		Instant confirmed = registration.getConfirmedAt() != null ? registration.getConfirmedAt() : registration.getCreatedAt();
		return ticket(registration.getId(), registration.getEventId(), registration.getTicketTypeId(), confirmed);
	}

	/** The ticket of a registration, issued at its confirmation: the same code every time while the key stays. */
	Ticket ticket(UUID registrationId, UUID eventId, UUID ticketTypeId, Instant confirmedAt) {
		TicketKeys.SigningKey key = this.keys.active();
		TicketCode code = new TicketCode(registrationId, eventId, ticketTypeId, confirmedAt.truncatedTo(ChronoUnit.SECONDS),
				key.kid());
		byte[] payload = TicketPayload.encode(code);
		String text = PREFIX + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(Ed25519.sign(key.privateKey(), payload));
		return Ticket.newBuilder()
			.setRegistrationId(code.registrationId().toString())
			.setEventId(code.eventId().toString())
			.setTicketTypeId(code.ticketTypeId().toString())
			.setCode(text)
			.setKeyId(key.kid())
			.setIssuedAt(ProtoTime.of(code.issuedAt()))
			.build();
	}

	/** What a code says, if it is one we signed; empty for anything else, however malformed. */
	public Optional<TicketCode> read(String text) {
		if (text == null || text.length() > MAX_LENGTH || !text.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
		if (parts.length != 2) {
			return Optional.empty();
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(parts[0]);
			signature = DECODER.decode(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		TicketCode code = TicketPayload.decode(payload);
		if (code == null) {
			return Optional.empty();
		}
		PublicKey key = this.keys.verifying(code.keyId());
		return key != null && Ed25519.verify(key, payload, signature) ? Optional.of(code) : Optional.empty();
	}

}
