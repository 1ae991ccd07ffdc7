package org.convene.core.ticket;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 with the JDK's own provider: key pairs, their encodings, signing and verifying. */
final class Ed25519 {

	private static final String ALGORITHM = "Ed25519";

	/** DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
	private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

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
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign with Ed25519", ex);
		}
	}

	/** Whether the signature is the key's over the data; anything malformed is simply not. */
	static boolean verify(PublicKey key, byte[] data, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (SignatureException | InvalidKeyException ex) {
			return false;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot verify with Ed25519", ex);
		}
	}

}
