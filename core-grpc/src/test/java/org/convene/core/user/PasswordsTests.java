package org.convene.core.user;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Password hashing, and the even timing of checks against accounts without a password. */
class PasswordsTests {

	private final CountingEncoder encoder = new CountingEncoder();

	private final Passwords passwords = new Passwords(this.encoder);

	@Test
	void hashesWithArgon2idAndChecksAgainstTheHash() {
		String hash = this.passwords.hash("correct horse battery staple");

		boolean right = this.passwords.matches("correct horse battery staple", hash);
		boolean wrong = this.passwords.matches("wrong horse battery staple", hash);

		assertThat(hash).startsWith("$argon2id$");
		assertThat(right).isTrue();
		assertThat(wrong).isFalse();
	}

	@Test
	void checksAgainstADummyHashWhenThereIsNoHashSoTheCheckTakesAsLong() {
		this.encoder.checkedHashes.clear();

		boolean matches = this.passwords.matches("correct horse battery staple", null);

		assertThat(matches).isFalse();
		assertThat(this.encoder.checkedHashes).singleElement().asString().startsWith("$argon2id$");
	}

	/** Argon2, recording the hashes it checks against. */
	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

		private final List<String> checkedHashes = new ArrayList<>();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.argon2.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checkedHashes.add(encodedPassword);
			return this.argon2.matches(rawPassword, encodedPassword);
		}

	}

}
