package org.convene.gateway.federation;

import java.util.List;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

import org.convene.gateway.auth.AuthServerProperties;
import org.convene.gateway.auth.ExternalSignIn;

/**
 * The enabled providers, as Spring Security's OAuth client sees them (read afresh on every
 * sign-in, so a change applies at once) and as the login page offers them.
 */
@Component
class IdentityProviderRegistrations implements ClientRegistrationRepository, ExternalSignIn {

	private final IdentityProviderStore store;

	private final String publicUrl;

	IdentityProviderRegistrations(IdentityProviderStore store, AuthServerProperties properties) {
		this.store = store;
		this.publicUrl = properties.publicUrl();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		IdentityProvider provider = this.store.find(registrationId);
		if (provider == null || !provider.enabled()) {
			return null;
		}
		return ClientRegistration.withRegistrationId(provider.id())
			.clientName(provider.name())
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri(provider.id()))
			.scope(provider.scopes())
			.issuerUri(provider.issuer())
			.authorizationUri(provider.endpoints().authorization())
			.tokenUri(provider.endpoints().token())
			.jwkSetUri(provider.endpoints().jwkSet())
			.userInfoUri(provider.endpoints().userInfo())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.build();
	}

	@Override
	public List<Option> options() {
		return this.store.list()
			.stream()
			.filter(IdentityProvider::enabled)
			.map(provider -> new Option(provider.name(), "/oauth2/authorization/" + provider.id()))
			.toList();
	}

	/** Where the provider sends users back to; administrators register it at the provider. */
	String redirectUri(String registrationId) {
		return this.publicUrl + "/login/oauth2/code/" + registrationId;
	}

}
