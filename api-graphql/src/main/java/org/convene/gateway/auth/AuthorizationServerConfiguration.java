package org.convene.gateway.auth;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import org.convene.core.v1.proto.AuditServiceGrpc;
import org.convene.core.v1.proto.UserServiceGrpc;
import org.convene.gateway.audit.AuditReporter;
import org.convene.gateway.audit.TokenEndpointAudit;
import org.convene.grpc.VerifiedTokens;

/**
 * The authorization server: its endpoints (authorize, token, revocation, introspection,
 * JWKS, OpenID Connect discovery and UserInfo), its stores in PostgreSQL, and how its tokens
 * are made.
 *
 * <p>Trade-offs: the Implicit grant is not offered (Spring Authorization Server implements
 * none; discovery advertises none). Public clients get refresh tokens, rotated on each use
 * ({@link PublicClientRefresh}). The password grant exists only for first-party clients an
 * administrator enabled it for ({@link PasswordGrant}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthServerProperties.class)
class AuthorizationServerConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<OAuth2Token> tokens, ConveneUsers users,
			ClientPolicies policies, ApiErrorEntryPoint errors, AuditReporter audit) throws Exception {
		TokenEndpointAudit tokenAudit = new TokenEndpointAudit(audit);
		// @formatter:off
		http
			.oauth2AuthorizationServer((server) -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server
					.oidc((oidc) -> oidc.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(users::userInfo)))
					.clientAuthentication((client) -> client
						.authenticationConverter(new PublicClientRefresh.Converter())
						.authenticationProvider(new PublicClientRefresh.Provider(clients)))
					.tokenEndpoint((token) -> token
						.accessTokenRequestConverter(new DefaultClientScopes())
						.accessTokenRequestConverter(new PasswordGrant.Converter())
						.authenticationProvider(new PasswordGrant.Provider(authorizations, tokens, users, policies))
						.accessTokenResponseHandler(tokenAudit)
						.errorResponseHandler(tokenAudit))
					.tokenGenerator(tokens);
			})
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/oauth2/jwks", "/.well-known/**").permitAll()
				.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(errors));
		// @formatter:on
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.publicUrl()).build();
	}

	@Bean
	RegisteredClientRepository registeredClients(JdbcTemplate jdbc, ClientPolicies policies) {
		return new PolicyAwareClientRepository(new JdbcRegisteredClientRepository(jdbc), policies);
	}

	@Bean
	OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	OAuth2AuthorizationConsentService consents(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	/** Publishes every key that still verifies tokens (the JWKS endpoint serves it). */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return keys.published();
	}

	/** Signs with the active key only. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.active());
	}

	/**
	 * Verifies tokens presented to the gateway itself: our keys, our issuer, our audience. A
	 * token that verified is not verified again until it expires.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, AuthServerProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.published()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(
				JwtValidators.createDefaultWithIssuer(properties.publicUrl()),
				new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains(AuthServerProperties.AUDIENCE))));
		VerifiedTokens<Jwt> verified = new VerifiedTokens<>(10_000, Clock.systemUTC(), Jwt::getExpiresAt);
		return token -> verified.get(token, decoder::decode);
	}

	@Bean
	OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder encoder, ConveneUsers users, ClientPolicies policies) {
		JwtGenerator jwts = new JwtGenerator(encoder);
		jwts.setJwtCustomizer(new TokenClaims(users, policies));
		return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), new PublicClientRefresh.Generator());
	}

	/** Client secrets are hashed (bcrypt by default) and matched by the token endpoint. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InternalCredentials internalCredentials(JwtEncoder encoder, AuthServerProperties properties) {
		return new InternalCredentials(encoder, properties.publicUrl());
	}

	/** core's AuditService as the gateway itself, for the records of what it serves alone. */
	@Bean
	AuditServiceGrpc.AuditServiceBlockingStub internalAuditService(io.grpc.ManagedChannel coreChannel,
			InternalCredentials credentials) {
		return AuditServiceGrpc.newBlockingStub(coreChannel).withCallCredentials(credentials);
	}

	/** core's UserService, called as the gateway itself (never with an end user's credentials). */
	@Bean
	ConveneUsers conveneUsers(io.grpc.ManagedChannel coreChannel, InternalCredentials credentials) {
		return new ConveneUsers(UserServiceGrpc.newBlockingStub(coreChannel).withCallCredentials(credentials));
	}

}
