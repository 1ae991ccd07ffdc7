package org.convene.gateway.auth;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token signing keys, kept in PostgreSQL so that tokens survive restarts and verify on
 * every replica. The ACTIVE key signs; rotated-out keys stay published until the tokens they
 * signed have expired. Each replica rereads the keys every few seconds, so a rotation on one
 * is seen by all.
 */
@Component
public class SigningKeys {

	private static final Duration REFRESH = Duration.ofSeconds(10);

	private final JdbcTemplate jdbc;

	private final Duration retention;

	private volatile Loaded loaded;

	SigningKeys(JdbcTemplate jdbc, AuthServerProperties properties) {
		this.jdbc = jdbc;
		this.retention = properties.keyRetention();
	}

	/** Every published key: the active one and those still verifying older tokens. */
	JWKSource<SecurityContext> published() {
		return (selector, context) -> selector.select(current().published());
	}

	/** A key source holding only the active key, for signing. */
	JWKSource<SecurityContext> active() {
		return (selector, context) -> selector.select(new JWKSet(current().active()));
	}

	/** Retires the active key (it keeps verifying for the retention period) and activates a new one. */
	@Transactional
	public String rotate() {
		Instant retireAt = Instant.now().plus(this.retention);
		this.jdbc.update("DELETE FROM signing_key WHERE status = 'RETIRED' AND retire_at < now()");
		this.jdbc.update("UPDATE signing_key SET status = 'RETIRED', retire_at = ? WHERE status = 'ACTIVE'",
				Timestamp.from(retireAt));
		String kid = insertNewKey();
		this.loaded = null;
		return kid;
	}

	private Loaded current() {
		Loaded keys = this.loaded;
		if (keys == null || keys.loadedAt().plus(REFRESH).isBefore(Instant.now())) {
			keys = load();
			this.loaded = keys;
		}
		return keys;
	}

	private synchronized Loaded load() {
		List<Row> rows = rows();
		if (rows.stream().noneMatch(Row::active)) {
			// Several replicas may start at once; the partial unique index lets one key win.
			String kid = UUID.randomUUID().toString();
			this.jdbc.update("INSERT INTO signing_key (kid, jwk, status) VALUES (?, ?, 'ACTIVE') "
					+ "ON CONFLICT (status) WHERE status = 'ACTIVE' DO NOTHING", kid, newKey(kid));
			rows = rows();
		}
		JWK active = rows.stream().filter(Row::active).findFirst().orElseThrow().jwk();
		List<JWK> published = rows.stream().map(Row::jwk).toList();
		return new Loaded(active, new JWKSet(published), Instant.now());
	}

	private List<Row> rows() {
		return this.jdbc.query(
				"SELECT jwk, status FROM signing_key WHERE status = 'ACTIVE' OR retire_at > now() ORDER BY created_at DESC",
				(rs, i) -> new Row(parse(rs.getString("jwk")), "ACTIVE".equals(rs.getString("status"))));
	}

	private String insertNewKey() {
		String kid = UUID.randomUUID().toString();
		this.jdbc.update("INSERT INTO signing_key (kid, jwk, status) VALUES (?, ?, 'ACTIVE')", kid, newKey(kid));
		return kid;
	}

	private static String newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate().toJSONString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a signing key", ex);
		}
	}

	private static JWK parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored signing key is not a valid JWK", ex);
		}
	}

	private record Row(JWK jwk, boolean active) {
	}

	private record Loaded(JWK active, JWKSet published, Instant loadedAt) {
	}

}
