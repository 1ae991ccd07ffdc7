package org.convene.core.ticket;

import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

import org.convene.core.support.TicketIntegrationTest;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.ListTicketKeysRequest;
import org.convene.ticket.v1.proto.Ticket;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.TicketState;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Ticket codes: their format, their keys, and verifying them with nothing but the published keys. */
class TicketCodeTests extends TicketIntegrationTest {

	private static final byte[] ED25519_X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

	private Ticket ticketOf(UUID registrationId) {
		return this.tickets.getTicket(GetTicketRequest.newBuilder().setRegistrationId(registrationId.toString()).build());
	}

	/** The published keys, fetched without credentials. */
	private List<Struct> publishedKeys() throws Exception {
		String jwks = TicketServiceGrpc.newBlockingStub(this.channel)
			.listTicketKeys(ListTicketKeysRequest.getDefaultInstance())
			.getJwksJson();
		Struct.Builder set = Struct.newBuilder();
		JsonFormat.parser().merge(jwks, set);
		return set.getFieldsOrThrow("keys").getListValue().getValuesList().stream().map(Value::getStructValue).toList();
	}

	/** Verifies a code as an offline device does: the JWK's x, the JDK's Ed25519, nothing of Convene's. */
	private static boolean verifiesOffline(String code, List<Struct> keys) throws Exception {
		String[] parts = code.substring("CV1.".length()).split("\\.");
		byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
		byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
		String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(payload, 53, 57));
		Struct jwk = keys.stream()
			.filter(key -> key.getFieldsOrThrow("kid").getStringValue().equals(kid))
			.findFirst()
			.orElseThrow();
		byte[] x = Base64.getUrlDecoder().decode(jwk.getFieldsOrThrow("x").getStringValue());
		byte[] x509 = ByteBuffer.allocate(ED25519_X509_HEADER.length + x.length).put(ED25519_X509_HEADER).put(x).array();
		PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(key);
		verifier.update(payload);
		return verifier.verify(signature);
	}

	@Test
	void verifiesACodeWithNothingButThePublishedKeysAndTheJdk() throws Exception {
		UUID registration = confirmed("Ada Lovelace");
		Ticket ticket = ticketOf(registration);

		List<Struct> keys = publishedKeys();

		assertThat(verifiesOffline(ticket.getCode(), keys)).isTrue();
		ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(ticket.getCode().split("\\.")[1]));
		assertThat(payload.get()).as("format version").isEqualTo((byte) 1);
		assertThat(new UUID(payload.getLong(), payload.getLong())).isEqualTo(registration);
		assertThat(new UUID(payload.getLong(), payload.getLong()).toString()).isEqualTo(this.event.getId());
		assertThat(new UUID(payload.getLong(), payload.getLong())).isEqualTo(this.ticketTypeId);
		assertThat(Integer.toUnsignedLong(payload.getInt())).isEqualTo(ticket.getIssuedAt().getSeconds());
	}

	@Test
	void rejectsTamperedCodesOfflineAndOnline() throws Exception {
		String code = ticketOf(confirmed("Ada Lovelace")).getCode();
		String other = ticketOf(confirmed("Grace Hopper")).getCode();
		String[] parts = code.split("\\.");
		String[] otherParts = other.split("\\.");
		List<String> tampered = List.of(parts[0] + "." + flip(parts[1]) + "." + parts[2],
				parts[0] + "." + parts[1] + "." + flip(parts[2]), parts[0] + "." + parts[1] + "." + otherParts[2],
				parts[0] + "." + otherParts[1] + "." + parts[2]);
		List<Struct> keys = publishedKeys();

		for (String code2 : tampered) {
			assertThat(verifiesOffline(code2, keys)).as(code2).isFalse();
			assertThat(validate(code2)).as(code2).isEqualTo(TicketState.UNKNOWN);
		}
		assertThat(validate(code)).isEqualTo(TicketState.VALID);
	}

	@Test
	void answersUnknownForAnythingMalformedInsteadOfFailing() {
		String code = ticketOf(confirmed("Ada Lovelace")).getCode();

		for (String malformed : List.of("", "CV1.", "CV1..", "CV1.a.b.c", "CV2" + code.substring(3), code + ".x",
				code.substring(0, code.length() - 5), "CV1.!!!!.????", "CV1." + "A".repeat(76) + "." + "A".repeat(86),
				"x".repeat(100_000), "CV1.\u0000\u0000.\u0000", code.replace('.', '\u00e9'))) {
			assertThat(validate(malformed)).as(malformed.length() > 50 ? malformed.substring(0, 50) : malformed)
				.isEqualTo(TicketState.UNKNOWN);
		}
	}

	@Test
	void givesTheSameShortCodeEachTimeItIsAskedFor() {
		UUID registration = confirmed("Ada Lovelace");

		Ticket first = ticketOf(registration);
		Ticket second = ticketOf(registration);

		assertThat(second).isEqualTo(first);
		assertThat(first.getCode()).startsWith("CV1.").hasSizeLessThanOrEqualTo(170).matches("CV1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(first.getKeyId()).hasSize(6);
	}

	@Test
	void publishesEveryKeyAsAnOkpEd25519PublicJwk() throws Exception {
		String kid = ticketOf(confirmed("Ada Lovelace")).getKeyId();

		List<Struct> keys = publishedKeys();

		assertThat(keys).anySatisfy(key -> {
			assertThat(key.getFieldsOrThrow("kid").getStringValue()).isEqualTo(kid);
			assertThat(key.getFieldsOrThrow("kty").getStringValue()).isEqualTo("OKP");
			assertThat(key.getFieldsOrThrow("crv").getStringValue()).isEqualTo("Ed25519");
			assertThat(key.getFieldsOrThrow("use").getStringValue()).isEqualTo("sig");
			assertThat(key.getFieldsOrThrow("alg").getStringValue()).isEqualTo("EdDSA");
			assertThat(Base64.getUrlDecoder().decode(key.getFieldsOrThrow("x").getStringValue())).hasSize(32);
		});
		assertThat(keys).allSatisfy(key -> assertThat(key.getFieldsMap()).doesNotContainKey("d"));
	}

	@Test
	void anotherReplicaSignsWithTheStoredKeyAndReadsTheCodesOfThisOne() {
		UUID registration = confirmed("Ada Lovelace");
		Ticket ticket = ticketOf(registration);
		TicketCodes replica = new TicketCodes(new TicketKeys(new TicketKeyStore(this.db)));

		TicketCode read = replica.read(ticket.getCode()).orElseThrow();

		assertThat(read.registrationId()).isEqualTo(registration);
		assertThat(read.keyId()).isEqualTo(ticket.getKeyId());
		assertThat(replica.ticket(this.fixtures.registration(registration))).isEqualTo(ticket);
	}

	private TicketState validate(String code) {
		return this.tickets.validateTicket(ValidateTicketRequest.newBuilder().setCode(code).setEventId(this.event.getId()).build())
			.getState();
	}

	/** The text with one character changed. */
	private static String flip(String text) {
		int middle = text.length() / 2;
		char changed = text.charAt(middle) == 'A' ? 'B' : 'A';
		return text.substring(0, middle) + changed + text.substring(middle + 1);
	}

}
