package org.convene.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Registered clients and their policies, and the settings every new client gets. */
@Component
public class Clients {

	/** Scopes a client may be registered with. */
	public static final List<String> GRANTABLE_SCOPES = List.of("events:read", "events:write", "registrations:read",
			"registrations:write", "sessions:read", "sessions:write", "users:read", "users:write", "payments:read",
			"payments:write", "checkin:write", "webhooks:manage", "reports:read", "admin");

	private final PolicyAwareClientRepository registeredClients;

	private final ClientPolicies policies;

	private final AuthServerProperties properties;

	private final PasswordEncoder passwords;

	private final JdbcTemplate jdbc;

	Clients(org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository registeredClients,
			ClientPolicies policies, AuthServerProperties properties, PasswordEncoder passwords, JdbcTemplate jdbc) {
		this.registeredClients = (PolicyAwareClientRepository) registeredClients;
		this.policies = policies;
		this.properties = properties;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	/** Every client, oldest first. */
	public List<RegisteredClient> list() {
		return this.jdbc
			.queryForList("SELECT client_id FROM oauth2_registered_client ORDER BY client_id_issued_at, client_id", String.class)
			.stream()
			.map(this::find)
			.toList();
	}

	public ClientPolicy policy(String clientId) {
		return this.policies.find(clientId);
	}

	/**
	 * Registers a client; a confidential one gets a random secret, returned here only (it is
	 * stored hashed).
	 */
	@Transactional
	public String register(RegisteredClient.Builder client, boolean confidential, ClientPolicy policy) {
		String secret = confidential ? newSecret() : null;
		if (confidential) {
			client.clientSecret(this.passwords.encode(secret));
		}
		this.registeredClients.save(client.tokenSettings(tokenSettings()).build());
		this.policies.save(policy);
		return secret;
	}

	/** Replaces a confidential client's secret; the old one stops working at once. */
	public String rotateSecret(RegisteredClient client) {
		String secret = newSecret();
		this.registeredClients.save(RegisteredClient.from(client).clientSecret(this.passwords.encode(secret)).build());
		return secret;
	}

	public void savePolicy(ClientPolicy policy) {
		this.policies.save(policy);
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A client whatever its state, or null. */
	public RegisteredClient find(String clientId) {
		return this.registeredClients.findAnyByClientId(clientId);
	}

	PolicyAwareClientRepository registeredClients() {
		return this.registeredClients;
	}

	ClientPolicies policies() {
		return this.policies;
	}

	/** Short-lived access tokens; refresh tokens rotated on use. */
	TokenSettings tokenSettings() {
		return TokenSettings.builder()
			.accessTokenTimeToLive(this.properties.accessTokenTtl())
			.refreshTokenTimeToLive(this.properties.refreshTokenTtl())
			.reuseRefreshTokens(false)
			.build();
	}

	/** PKCE for every public client; consent skipped only for Convene's own apps. */
	public ClientSettings clientSettings(boolean publicClient, boolean requireConsent) {
		return ClientSettings.builder().requireProofKey(publicClient).requireAuthorizationConsent(requireConsent).build();
	}

}
