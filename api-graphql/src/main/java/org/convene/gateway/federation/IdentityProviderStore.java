package org.convene.gateway.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table {@code gateway.identity_provider}. */
@Component
class IdentityProviderStore {

	private final JdbcTemplate jdbc;

	IdentityProviderStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<IdentityProvider> list() {
		return this.jdbc.query("SELECT * FROM identity_provider ORDER BY registration_id", IdentityProviderStore::read);
	}

	IdentityProvider find(String id) {
		List<IdentityProvider> found = this.jdbc.query("SELECT * FROM identity_provider WHERE registration_id = ?",
				IdentityProviderStore::read, id);
		return found.isEmpty() ? null : found.get(0);
	}

	/** Adds a provider; false when its id is taken. */
	boolean insert(IdentityProvider provider) {
		IdentityProvider.Endpoints endpoints = provider.endpoints();
		return this.jdbc.update("""
				INSERT INTO identity_provider (registration_id, display_name, issuer, client_id, client_secret, scopes,
				    authorization_uri, token_uri, jwk_set_uri, user_info_uri, enabled)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (registration_id) DO NOTHING""", provider.id(), provider.name(), provider.issuer(),
				provider.clientId(), provider.clientSecret(), provider.scopes().toArray(String[]::new),
				endpoints.authorization(), endpoints.token(), endpoints.jwkSet(), endpoints.userInfo(), provider.enabled()) == 1;
	}

	/** False when there is no such provider. */
	boolean setEnabled(String id, boolean enabled) {
		return this.jdbc.update("UPDATE identity_provider SET enabled = ? WHERE registration_id = ?", enabled, id) == 1;
	}

	/** False when there is no such provider. */
	boolean delete(String id) {
		return this.jdbc.update("DELETE FROM identity_provider WHERE registration_id = ?", id) == 1;
	}

	private static IdentityProvider read(ResultSet rs, int row) throws SQLException {
		return new IdentityProvider(rs.getString("registration_id"), rs.getString("display_name"), rs.getString("issuer"),
				rs.getString("client_id"), rs.getString("client_secret"),
				Arrays.asList((String[]) rs.getArray("scopes").getArray()),
				new IdentityProvider.Endpoints(rs.getString("authorization_uri"), rs.getString("token_uri"),
						rs.getString("jwk_set_uri"), rs.getString("user_info_uri")),
				rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
	}

}
