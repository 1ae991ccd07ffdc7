package org.convene.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A caller's idempotency key, and how it is kept at rest: the key column holds only a hash
 * of the key, and the stored answer is encrypted (AES-GCM) with a secret derived from the
 * caller and the key. Answers can hold secrets (a new API key's) and personal data; whoever
 * reads the table without knowing the keys the clients sent cannot read them.
 *
 * @param caller the caller as {@link org.convene.core.auth.Caller#describe()} names it
 * @param key the key the caller sent
 */
record CallerKey(String caller, String key) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	/** The value of the {@code key} column: SHA-256 of the key, in hex. */
	String storedKey() {
		return HexFormat.of().formatHex(sha256("convene-idempotency-key", this.key));
	}

	/** The answer encrypted for storage: a random IV followed by the AES-GCM ciphertext. */
	byte[] seal(byte[] answer) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			byte[] encrypted = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(answer);
			byte[] sealed = new byte[IV_BYTES + encrypted.length];
			System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
			System.arraycopy(encrypted, 0, sealed, IV_BYTES, encrypted.length);
			return sealed;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt an idempotent answer", ex);
		}
	}

	/** The answer {@link #seal(byte[])} stored. */
	byte[] open(byte[] sealed) {
		try {
			byte[] iv = new byte[IV_BYTES];
			System.arraycopy(sealed, 0, iv, 0, IV_BYTES);
			return cipher(Cipher.DECRYPT_MODE, iv).doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt an idempotent answer", ex);
		}
	}

	private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		byte[] secret = sha256("convene-idempotency-answer", this.caller + "\u0000" + this.key);
		cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(this.caller.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	static byte[] sha256(String purpose, String value) {
		MessageDigest digest = sha256();
		digest.update(purpose.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		return digest.digest(value.getBytes(StandardCharsets.UTF_8));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
