package org.convene.gateway.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.LinkExternalIdentityRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserStatus;
import org.convene.gateway.audit.AuditReporter;
import org.convene.gateway.auth.AuthServerProperties;
import org.convene.gateway.auth.ConveneUsers;
import org.convene.grpc.ApiError;

/**
 * Turns a user an external provider signed in (its ID token checked by Spring Security) into
 * the Convene user with the same verified e-mail address, through core. The session's
 * principal name is then the Convene user's id, as after a password sign-in, so the
 * authorization server issues the same tokens either way.
 */
@Component
class FederatedUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final ConveneUsers users;

	private final AuditReporter audit;

	FederatedUsers(ConveneUsers users, AuditReporter audit) {
		this.users = users;
		this.audit = audit;
	}

	/** Signs the provider's user in as their Convene user; every attempt is audited. */
	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		String operation = "GET /login/oauth2/code/" + request.getClientRegistration().getRegistrationId();
		try {
			OidcUser user = signIn(request);
			this.audit.record("user:" + user.getName(), null, operation, "OK");
			return user;
		}
		catch (OAuth2AuthenticationException ex) {
			this.audit.record("anonymous", null, operation, ex.getError().getErrorCode().toUpperCase(Locale.ROOT));
			throw ex;
		}
	}

	private OidcUser signIn(OidcUserRequest request) {
		OidcUser external = this.provider.loadUser(request);
		String providerName = request.getClientRegistration().getClientName();
		User user = link(request.getClientRegistration().getProviderDetails().getIssuerUri(), providerName, external);
		if (user.getStatus() == UserStatus.DISABLED) {
			throw refused(OAuth2ErrorCodes.ACCESS_DENIED, "Your Convene account is disabled.");
		}
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(StandardClaimNames.SUB, external.getSubject());
		if (external.getUserInfo() != null) {
			claims.putAll(external.getUserInfo().getClaims());
		}
		claims.put(AuthServerProperties.USER_CLAIM, user.getId());
		List<GrantedAuthority> roles = new ArrayList<>();
		user.getRolesList().forEach(role -> roles.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		return new DefaultOidcUser(roles, external.getIdToken(), new OidcUserInfo(claims), AuthServerProperties.USER_CLAIM);
	}

	/** Core decides; it refuses an address the provider did not verify. */
	private User link(String issuer, String providerName, OidcUser external) {
		try {
			return this.users.linkExternal(LinkExternalIdentityRequest.newBuilder()
				.setProvider(issuer)
				.setSubject(external.getSubject())
				.setEmail(external.getEmail() == null ? "" : external.getEmail())
				.setEmailVerified(Boolean.TRUE.equals(external.getEmailVerified()))
				.setDisplayName(external.getFullName() == null ? "" : external.getFullName())
				.build());
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
						"Sign-in is unavailable right now; try again shortly.", null), ex);
			}
			boolean unverified = ApiError.fromThrowable(ex).violations().stream()
				.anyMatch(violation -> violation.field().equals("emailVerified"));
			throw refused(OAuth2ErrorCodes.ACCESS_DENIED, unverified
					? providerName + " did not confirm that your e-mail address is verified, which Convene needs to know who you are."
					: providerName + " sent no e-mail address Convene can use.");
		}
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
