package org.convene.gateway.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import org.convene.gateway.GatewayApplication;

/**
 * Starts the gateway, with its authorization server, in front of the real core and
 * connectors services, on a port chosen before core starts (core trusts its tokens), and
 * talks to it over real HTTP. {@link #http} and {@link #graphQl} act as the first-start
 * administration client; {@link #anonymous} sends no credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.config.name=" + GatewayApplication.CONFIG_NAME,
				"convene.auth.bootstrap-client-secret=" + GatewayIntegrationTest.ADMIN_CLIENT_SECRET,
				"convene.auth.bootstrap-admin-email=" + GatewayIntegrationTest.ADMIN_EMAIL,
				"convene.auth.bootstrap-admin-password=" + GatewayIntegrationTest.ADMIN_PASSWORD })
@Import(GatewayIntegrationTest.Counting.class)
public abstract class GatewayIntegrationTest {

	public static final String ADMIN_CLIENT = "convene-admin";

	public static final String ADMIN_CLIENT_SECRET = "test-admin-client-secret-0123456789";

	public static final String ADMIN_EMAIL = "admin@convene.test";

	public static final String ADMIN_PASSWORD = "test-admin-password-0123456789";

	private static String adminToken;

	/** When the cached admin token is to be replaced: a minute before it expires (tokens live 5 minutes). */
	private static Instant adminTokenRenewal = Instant.MIN;

	protected final int port = TestBackends.get().gatewayPort();

	protected final String baseUrl = "http://127.0.0.1:" + this.port;

	@Autowired
	protected CallCounter calls;

	/** HTTP as the administration client. */
	protected WebTestClient http;

	/** HTTP without credentials. */
	protected final WebTestClient anonymous = WebTestClient.bindToServer()
		.baseUrl(this.baseUrl)
		.responseTimeout(Duration.ofSeconds(30))
		.build();

	/** GraphQL as the administration client. */
	protected HttpGraphQlTester graphQl;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		TestBackends backends = TestBackends.get();
		registry.add("server.port", backends::gatewayPort);
		registry.add("spring.grpc.server.port", backends::gatewayGrpcPort);
		registry.add("convene.auth.public-url", backends::issuer);
		registry.add("convene.auth.data-dir", () -> Path.of("target", "gateway-test-data").toAbsolutePath().toString());
		registry.add("convene.materials.max-size", () -> TestBackends.MATERIALS_MAX_SIZE);
		registry.add("spring.datasource.url", () -> backends.database().jdbcUrl());
		registry.add("spring.datasource.username", () -> backends.database().username());
		registry.add("spring.datasource.password", () -> backends.database().password());
		registry.add("spring.grpc.client.channels.core.address", backends::coreAddress);
		registry.add("spring.grpc.client.channels.connectors.address", backends::connectorsAddress);
	}

	@BeforeEach
	void clients() {
		this.http = this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).build();
		this.graphQl = HttpGraphQlTester.create(this.http.mutate().baseUrl(this.baseUrl + "/graphql").build());
	}

	/** A token of the administration client (client credentials), fetched again before it expires. */
	protected String adminToken() {
		if (adminToken == null || Instant.now().isAfter(adminTokenRenewal)) {
			Map<?, ?> response = tokenResponse(ADMIN_CLIENT, ADMIN_CLIENT_SECRET, null);
			adminToken = (String) response.get("access_token");
			adminTokenRenewal = Instant.now().plusSeconds(((Number) response.get("expires_in")).longValue() - 60);
		}
		return adminToken;
	}

	/** A client-credentials token; {@code scope} null asks for every scope the client has. */
	protected String clientCredentialsToken(String clientId, String secret, String scope) {
		return (String) tokenResponse(clientId, secret, scope).get("access_token");
	}

	private Map<?, ?> tokenResponse(String clientId, String secret, String scope) {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		if (scope != null) {
			form.add("scope", scope);
		}
		return this.anonymous.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The newest audit record matching the filters (query parameters of
	 * {@code /api/v1/audit-records}), waiting for it: the log is written asynchronously, within a
	 * second or so of the call.
	 */
	protected Map<?, ?> awaitAuditRecord(Map<String, String> filters) {
		return Awaitility.await("an audit record with " + filters)
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				List<?> records = (List<?>) this.http.get()
					.uri(uri -> {
						filters.forEach(uri::queryParam);
						return uri.path("/api/v1/audit-records").build();
					})
					.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("data");
				return records.isEmpty() ? null : (Map<?, ?>) records.get(0);
			}, record -> record != null);
	}

	/** Counts every gRPC call the gateway makes, for the tests that bound them. */
	@TestConfiguration
	static class Counting {

		@Bean
		@GlobalClientInterceptor
		CallCounter callCounter() {
			return new CallCounter();
		}

	}

}
