package org.convene.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import org.convene.database.testing.FreePorts;

/**
 * A second OpenID Connect provider, independent of Convene: Spring Authorization Server in a
 * Spring context of its own, configured from properties as any Spring Boot authorization
 * server is, with its own login page, keys and users. It answers on {@code localhost} while
 * the gateway answers on {@code 127.0.0.1}, so a browser keeps their session cookies apart.
 */
public final class ExternalOpenIdProvider implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String issuer;

	private ExternalOpenIdProvider(ConfigurableApplicationContext context, String issuer) {
		this.context = context;
		this.issuer = issuer;
	}

	/**
	 * Starts a provider with one registered client.
	 * @param redirectUri the client's redirect URI (the gateway's)
	 * @param people who can sign in at the provider
	 */
	public static ExternalOpenIdProvider start(String clientId, String clientSecret, String redirectUri, List<Person> people) {
		int port = FreePorts.next();
		String issuer = "http://localhost:" + port;
		String client = "spring.security.oauth2.authorizationserver.client.convene.registration.";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProviderApplication.class)
			.web(WebApplicationType.SERVLET)
			.initializers(c -> c.getBeanFactory().registerSingleton("people", new People(people)))
			.properties(Map.of("spring.config.name", "external-openid-provider", "spring.main.banner-mode", "off",
					"server.port", String.valueOf(port), "spring.security.oauth2.authorizationserver.issuer", issuer,
					client + "client-id", clientId, client + "client-secret", "{noop}" + clientSecret,
					client + "client-authentication-methods", "client_secret_basic",
					client + "authorization-grant-types", "authorization_code", client + "redirect-uris", redirectUri,
					client + "scopes", "openid,email,profile"))
			.run();
		return new ExternalOpenIdProvider(context, issuer);
	}

	public String issuer() {
		return this.issuer;
	}

	@Override
	public void close() {
		this.context.close();
	}


	/**
	 * Someone with an account at the provider.
	 *
	 * @param username what they type on the provider's login page
	 * @param emailVerified whether the provider vouches for the address
	 */
	public record Person(String username, String password, String email, boolean emailVerified, String name) {
	}

	private record People(List<Person> all) {
	}

	/** Not a @Configuration, so the gateway's component scan leaves it alone. */
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
			OAuth2AuthorizationServerJwtAutoConfiguration.class })
	static class ProviderApplication {

		@Bean
		UserDetailsService users(People people) {
			return new InMemoryUserDetailsManager(people.all().stream()
				.map(person -> User.withUsername(person.username()).password("{noop}" + person.password()).roles("USER").build())
				.toList());
		}

		/** ID tokens say who the person is: name, e-mail address, and whether it is verified. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(People people) {
			Map<String, Person> byUsername = people.all().stream().collect(Collectors.toMap(Person::username, Function.identity()));
			return (context) -> {
				Person person = byUsername.get(context.getPrincipal().getName());
				if (person != null && OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					context.getClaims()
						.claim("email", person.email())
						.claim("email_verified", person.emailVerified())
						.claim("name", person.name());
				}
			};
		}

	}

}
