package org.convene.gateway.client;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import org.convene.gateway.auth.ClientPolicy;

/**
 * An OAuth client as administrators see it; never its secret.
 *
 * @param clientId the client's id
 * @param name display name
 * @param description what it is for
 * @param type CONFIDENTIAL (has a secret) or PUBLIC (PKCE, no secret)
 * @param grantTypes authorization_code, refresh_token, client_credentials, password
 * @param redirectUris where the authorization endpoint may send users back to
 * @param scopes what it may ask for
 * @param firstParty a client of Convene's own
 * @param passwordGrant whether the discouraged password grant is enabled
 * @param disabled whether it is refused everywhere
 * @param ownerUserId the user a client-credentials token acts for, or null
 * @param ipAllowlist addresses it may be used from; empty = anywhere
 * @param requireConsent whether users are asked to approve its scopes
 * @param createdAt when it was registered
 */
public record ClientView(String clientId, String name, String description, String type, List<String> grantTypes,
		List<String> redirectUris, List<String> scopes, boolean firstParty, boolean passwordGrant, boolean disabled,
		String ownerUserId, List<String> ipAllowlist, boolean requireConsent, Instant createdAt) {

	static ClientView of(RegisteredClient client, ClientPolicy policy) {
		boolean publicClient = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
		return new ClientView(client.getClientId(), client.getClientName(), policy.description(),
				publicClient ? "PUBLIC" : "CONFIDENTIAL",
				client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
				client.getRedirectUris().stream().sorted().toList(), client.getScopes().stream().sorted().toList(),
				policy.firstParty(), policy.passwordGrant(), policy.disabled(),
				policy.ownerUserId() == null ? null : policy.ownerUserId().toString(), policy.ipAllowlist(),
				client.getClientSettings().isRequireAuthorizationConsent(), client.getClientIdIssuedAt());
	}

	/**
	 * A newly registered client or a new secret, shown once (GraphQL type ClientWithSecret).
	 *
	 * @param client the client
	 * @param clientSecret the secret; null for public clients
	 */
	public record ClientWithSecret(ClientView client, String clientSecret) {
	}

}
