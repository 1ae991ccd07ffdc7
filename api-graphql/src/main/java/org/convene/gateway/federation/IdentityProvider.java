package org.convene.gateway.federation;

import java.time.Instant;
import java.util.List;

/**
 * An external OpenID Connect provider, as stored.
 *
 * @param id the registration id, also in the provider's redirect URI
 * @param name what the login page's button says
 * @param issuer the provider's issuer identifier
 * @param clientId Convene's client id at the provider
 * @param clientSecret and its secret
 * @param scopes what Convene asks for; always openid and email
 * @param endpoints read from the provider's discovery document at registration
 * @param enabled whether the login page offers it
 * @param createdAt when it was registered
 */
record IdentityProvider(String id, String name, String issuer, String clientId, String clientSecret, List<String> scopes,
		Endpoints endpoints, boolean enabled, Instant createdAt) {

	/** The provider endpoints sign-in uses; userInfo may be null. */
	record Endpoints(String authorization, String token, String jwkSet, String userInfo) {
	}

}
