package org.convene.core.ticket;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519: key pairs and their encodings with the JDK's provider; signing and verifying with
 * Bouncy Castle's, which takes a twentieth of the JDK's time per signature (a signature per
 * confirmed registration). Both follow RFC 8032, so their signatures are the same bytes.
 */
final class Ed25519 {

	private static final String ALGORITHM = "Ed25519";

	/** DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
	private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

	/** The few signing keys there are, prepared once. */
	private static final Map<PrivateKey, Ed25519PrivateKeyParameters> SIGNING_KEYS = new ConcurrentHashMap<>();

	private Ed25519() {
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK cannot make Ed25519 keys", ex);
		}
	}

	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored ticket key cannot be read", ex);
		}
	}

	static PublicKey publicKey(byte[] x509) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored ticket key cannot be read", ex);
		}
	}

	/** The 32 bytes of the public key itself, as a JWK's {@code x} holds them (RFC 8037). */
	static byte[] raw(byte[] x509) {
		if (x509.length != X509_HEADER.length + 32 || !Arrays.equals(x509, 0, X509_HEADER.length, X509_HEADER, 0, X509_HEADER.length)) {
			throw new IllegalStateException("Not an Ed25519 public key");
		}
		return Arrays.copyOfRange(x509, X509_HEADER.length, x509.length);
	}

	static byte[] sign(PrivateKey key, byte[] data) {
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, SIGNING_KEYS.computeIfAbsent(key, Ed25519::signingKey));
		signer.update(data, 0, data.length);
		return signer.generateSignature();
	}

	/** Whether the signature is the key's over the data; anything malformed is simply not. */
	static boolean verify(PublicKey key, byte[] data, byte[] signature) {
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, new Ed25519PublicKeyParameters(raw(key.getEncoded())));
		verifier.update(data, 0, data.length);
		return verifier.verifySignature(signature);
	}

	private static Ed25519PrivateKeyParameters signingKey(PrivateKey key) {
		byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalStateException("A ticket key without its seed"));
		return new Ed25519PrivateKeyParameters(seed);
	}

}
