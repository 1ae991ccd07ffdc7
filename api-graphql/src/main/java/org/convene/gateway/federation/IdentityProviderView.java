package org.convene.gateway.federation;

import java.time.Instant;
import java.util.List;

/**
 * An external OpenID Connect provider as administrators see it; never its client secret.
 *
 * @param id the registration id
 * @param name what the login page's button says
 * @param issuer the provider's issuer identifier
 * @param clientId Convene's client id at the provider
 * @param scopes what Convene asks for
 * @param enabled whether the login page offers it
 * @param redirectUri the redirect URI to register at the provider
 * @param createdAt when it was registered
 */
record IdentityProviderView(String id, String name, String issuer, String clientId, List<String> scopes, boolean enabled,
		String redirectUri, Instant createdAt) {

	static IdentityProviderView of(IdentityProvider provider, String redirectUri) {
		return new IdentityProviderView(provider.id(), provider.name(), provider.issuer(), provider.clientId(),
				provider.scopes(), provider.enabled(), redirectUri, provider.createdAt());
	}

}
