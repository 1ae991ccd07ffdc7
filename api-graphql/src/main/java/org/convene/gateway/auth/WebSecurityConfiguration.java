package org.convene.gateway.auth;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Everything that is not an authorization server endpoint.
 *
 * <p>The APIs (GraphQL, REST) are open at this layer: core decides what each caller may do,
 * so a gRPC caller meets the same rules. The gateway only rejects a bearer token that does
 * not verify, early and with the error envelope, and forwards the rest. Browsers sign in on
 * the form login page, whose session serves the authorization endpoint only. CSRF protection
 * covers the login form; the APIs take tokens, not cookies, so they need none.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain applicationChain(HttpSecurity http, ConveneUsers users, ApiErrorEntryPoint errors)
			throws Exception {
		// @formatter:off
		http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/api/v1/admin/**", "/api/v1/clients/**").authenticated()
				.anyRequest().permitAll())
			.authenticationProvider(users)
			.formLogin(Customizer.withDefaults())
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

	/** Browsers may call the APIs only from the configured origins (none by default). */
	@Bean
	CorsConfigurationSource corsConfigurationSource(AuthServerProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins() == null ? List.of() : properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-API-Key", "X-API-Version", "X-Correlation-ID",
				"Idempotency-Key", "If-Match", "If-None-Match"));
		cors.setExposedHeaders(List.of("ETag", "Link", "Location", "X-Correlation-ID", "X-API-Version", "X-Total-Count"));
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
