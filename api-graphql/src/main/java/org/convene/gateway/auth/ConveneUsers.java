package org.convene.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.LinkExternalIdentityRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.core.v1.proto.UserStatus;
import org.convene.core.v1.proto.VerifyPasswordRequest;

/**
 * The users the authorization server signs in, as core knows them. The sign-in page checks
 * passwords through core; the principal of every session and token is the user's id.
 */
public class ConveneUsers implements AuthenticationProvider {

	private final UserServiceBlockingStub users;

	/** @param users core's UserService, called with the gateway's internal credentials */
	ConveneUsers(UserServiceBlockingStub users) {
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		User user = verify(email, password);
		if (user == null) {
			throw new BadCredentialsException("Wrong e-mail address or password");
		}
		return principal(user);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The user with this address and password, or null. */
	User verify(String email, String password) {
		try {
			var result = this.users.verifyPassword(VerifyPasswordRequest.newBuilder().setEmail(email).setPassword(password).build());
			return result.getValid() ? result.getUser() : null;
		}
		catch (StatusRuntimeException ex) {
			throw new AuthenticationServiceException("Sign-in is unavailable right now; try again shortly", ex);
		}
	}

	/**
	 * The Convene user of an external identity, linked by its verified e-mail address (core
	 * creates an attendee when none has it).
	 * @throws StatusRuntimeException INVALID_ARGUMENT when the provider did not verify the address
	 */
	public User linkExternal(LinkExternalIdentityRequest identity) {
		return this.users.linkExternalIdentity(identity);
	}

	/** The current profile of a user; null when unknown. */
	User find(UUID id) {
		try {
			return this.users.getUser(GetUserRequest.newBuilder().setId(id.toString()).build());
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	/** An active user's profile and roles, or null when unknown or disabled. */
	User active(UUID id) {
		User user = find(id);
		return user == null || user.getStatus() == UserStatus.DISABLED ? null : user;
	}

	/** The user id a principal name holds, or null for a client's own name. */
	static UUID userId(String principalName) {
		try {
			return UUID.fromString(principalName);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The authentication a signed-in user's session and tokens carry: the user's id, roles, and
	 * the password factor with its time (the ID token's auth_time).
	 */
	static UsernamePasswordAuthenticationToken principal(User user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		user.getRolesList().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		return UsernamePasswordAuthenticationToken.authenticated(user.getId(), null, authorities);
	}

	/** OpenID Connect UserInfo of the token's user, limited by the scopes it was granted. */
	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		String subject = context.getAuthorization().getPrincipalName();
		User user = userId(subject) == null ? null : find(userId(subject));
		OidcUserInfo.Builder info = OidcUserInfo.builder().subject(subject);
		var scopes = context.getAuthorization().getAuthorizedScopes();
		if (user != null && scopes.contains("profile")) {
			info.name(user.getDisplayName());
			if (user.hasPreferences()) {
				info.locale(user.getPreferences().getLanguage()).zoneinfo(user.getPreferences().getTimeZone());
			}
		}
		if (user != null && scopes.contains("email")) {
			info.email(user.getEmail()).emailVerified(user.getEmailVerified());
		}
		return info.build();
	}

}
