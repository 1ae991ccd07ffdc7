package org.convene.gateway.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Everything that is not an authorization server endpoint.
 *
 * <p>The APIs (GraphQL, REST) are open at this layer: core decides what each caller may do,
 * so a gRPC caller meets the same rules. The gateway only rejects a bearer token that does
 * not verify, early and with the error envelope, and forwards the rest. Browsers sign in on
 * the {@link LoginPage}, with a password or through an external OpenID Connect provider
 * ({@link ExternalSignIn}); the session serves the authorization endpoint only. CSRF protection
 * covers the login form; the APIs take tokens, not cookies, so they need none.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain applicationChain(HttpSecurity http, ConveneUsers users, ApiErrorEntryPoint errors,
			OAuth2UserService<OidcUserRequest, OidcUser> externalUsers) throws Exception {
		// @formatter:off
		http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/api/v1/admin/**", "/api/v1/clients/**", "/api/v1/identity-providers/**").authenticated()
				.anyRequest().permitAll())
			.authenticationProvider(users)
			.formLogin((login) -> login.loginPage("/login").permitAll())
			.oauth2Login((login) -> login
				.loginPage("/login")
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(externalUsers))
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(WebSecurityConfiguration::providerNotOffered);
						return filter;
					}
				}))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/graphql", "/graphql/**", "/api/**"))
			.cors(Customizer.withDefaults())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(errors));
		// @formatter:on
		return http.build();
	}

	/**
	 * The button of a provider that is unknown or was disabled since the page was shown: back
	 * to the login page, which says so (Spring Security would answer 500).
	 */
	private static void providerNotOffered(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException, ServletException {
		new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request, response,
				new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
						"This way of signing in is not offered.", null), failure));
	}

	/** Browsers may call the APIs only from the configured origins (none by default). */
	@Bean
	CorsConfigurationSource corsConfigurationSource(AuthServerProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins() == null ? List.of() : properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-API-Key", "X-API-Version", "X-Correlation-ID",
				"Idempotency-Key", "If-Match", "If-None-Match"));
		cors.setExposedHeaders(List.of("ETag", "Link", "Location", "X-Correlation-ID", "X-API-Version", "X-Total-Count",
				"Idempotent-Replayed", "Retry-After"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/graphql", cors);
		source.registerCorsConfiguration("/api/**", cors);
		source.registerCorsConfiguration("/oauth2/token", cors);
		source.registerCorsConfiguration("/userinfo", cors);
		source.registerCorsConfiguration("/.well-known/**", cors);
		return source;
	}

}
