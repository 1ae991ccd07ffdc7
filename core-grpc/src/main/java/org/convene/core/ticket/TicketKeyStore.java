package org.convene.core.ticket;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.convene.schema.core.tables.records.TicketKeyRecord;

import static org.convene.schema.core.Tables.TICKET_KEY;

/**
 * The ticket keys in {@code core.ticket_key}. The first replica that needs a key creates it;
 * the unique index on the ACTIVE status lets only one creation win, and the others read the
 * winner's key.
 */
@Repository
class TicketKeyStore {

	private static final int ATTEMPTS = 3;

	private final DSLContext db;

	TicketKeyStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * The active key, created when there is none. Its own transaction, committed at once: a
	 * key that signed a code must outlive whatever the caller's transaction does, and the
	 * caller's may be read-only.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	TicketKeyRecord activeOrCreate() {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			TicketKeyRecord active = this.db.fetchOne(TICKET_KEY, TICKET_KEY.STATUS.eq("ACTIVE"));
			if (active != null) {
				return active;
			}
			KeyPair pair = Ed25519.generate();
			byte[] publicKey = pair.getPublic().getEncoded();
			this.db.insertInto(TICKET_KEY)
				.set(TICKET_KEY.KID, keyId(publicKey))
				.set(TICKET_KEY.PRIVATE_KEY, pair.getPrivate().getEncoded())
				.set(TICKET_KEY.PUBLIC_KEY, publicKey)
				.set(TICKET_KEY.STATUS, "ACTIVE")
				.onConflictDoNothing()
				.execute();
		}
		throw new IllegalStateException("No active ticket key after " + ATTEMPTS + " attempts");
	}

	TicketKeyRecord find(String kid) {
		return this.db.fetchOne(TICKET_KEY, TICKET_KEY.KID.eq(kid));
	}

	/** Every key that verifies codes, the active one first. */
	List<TicketKeyRecord> all() {
		return this.db.selectFrom(TICKET_KEY).orderBy(TICKET_KEY.STATUS.asc(), TICKET_KEY.CREATED_AT.desc()).fetch();
	}

	/** The first bytes of the SHA-256 of the raw public key, base64url. */
	private static String keyId(byte[] x509) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Ed25519.raw(x509));
			return TicketPayload.keyId(Arrays.copyOf(digest, TicketPayload.KEY_ID_BYTES));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
