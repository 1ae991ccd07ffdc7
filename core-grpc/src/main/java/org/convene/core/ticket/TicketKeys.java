package org.convene.core.ticket;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.convene.schema.core.tables.records.TicketKeyRecord;

/**
 * The keys ticket codes are signed with, kept in memory once read. Keys are never changed
 * once stored, so the cache never goes stale; a key another replica created is read on its
 * first use here. The active key is read (or created) when core is ready, so a scan's
 * transaction never waits for a second connection to fetch it.
 */
@Component
class TicketKeys {

	/** The key that signs new codes. */
	record SigningKey(String kid, PrivateKey privateKey) {
	}

	private final TicketKeyStore store;

	private final Map<String, PublicKey> verifying = new ConcurrentHashMap<>();

	private volatile SigningKey active;

	TicketKeys(TicketKeyStore store) {
		this.store = store;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		active();
	}

	SigningKey active() {
		SigningKey key = this.active;
		if (key == null) {
			synchronized (this) {
				key = this.active;
				if (key == null) {
					TicketKeyRecord row = this.store.activeOrCreate();
					key = new SigningKey(row.getKid(), Ed25519.privateKey(row.getPrivateKey()));
					this.active = key;
				}
			}
		}
		return key;
	}

	/** The public key with this id, or {@code null} when there is none. */
	PublicKey verifying(String kid) {
		PublicKey key = this.verifying.get(kid);
		if (key == null) {
			TicketKeyRecord row = this.store.find(kid);
			if (row == null) {
				return null;
			}
			key = Ed25519.publicKey(row.getPublicKey());
			this.verifying.put(kid, key);
		}
		return key;
	}

	/** Every verifying key as a JWK Set of OKP Ed25519 public keys (RFC 7517, RFC 8037). */
	String jwks() {
		active();
		return new JWKSet(this.store.all().stream().map(TicketKeys::jwk).toList()).toString(true);
	}

	private static JWK jwk(TicketKeyRecord row) {
		return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519.raw(row.getPublicKey())))
			.keyID(row.getKid())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.EdDSA)
			.build();
	}

}
