package org.convene.gateway.auth;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

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

	Clients(org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository registeredClients,
			ClientPolicies policies, AuthServerProperties properties) {
		this.registeredClients = (PolicyAwareClientRepository) registeredClients;
		this.policies = policies;
		this.properties = properties;
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
	ClientSettings clientSettings(boolean publicClient, boolean requireConsent) {
		return ClientSettings.builder().requireProofKey(publicClient).requireAuthorizationConsent(requireConsent).build();
	}

}
