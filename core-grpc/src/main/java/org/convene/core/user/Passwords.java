package org.convene.core.user;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id. A check against an account without a
 * password is made against a dummy hash, so it costs as much time as a real one and the
 * time taken does not tell whether an account exists.
 */
@Component
class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final PasswordEncoder encoder;

	private final String dummyHash;

	Passwords() {
		this(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
	}

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.dummyHash = this.encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	String hash(String password) {
		return this.encoder.encode(password);
	}

	/** Whether the password matches the hash; always false, after the same work, without a hash. */
	boolean matches(String password, String hash) {
		if (hash == null) {
			this.encoder.matches(password, this.dummyHash);
			return false;
		}
		return this.encoder.matches(password, hash);
	}

}
