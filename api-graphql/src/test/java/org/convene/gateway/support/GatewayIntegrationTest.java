package org.convene.gateway.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.GatewayApplication;

/**
 * Starts the gateway on a random port in front of the real core and connectors services,
 * and talks to it over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.config.name=" + GatewayApplication.CONFIG_NAME,
		"spring.autoconfigure.exclude=" + TestBackends.NO_DATABASE,
		"spring.grpc.server.enabled=false" })
public abstract class GatewayIntegrationTest {

	@LocalServerPort
	protected int port;

	protected WebTestClient http;

	protected HttpGraphQlTester graphQl;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.grpc.client.channels.core.address", () -> TestBackends.get().coreAddress());
		registry.add("spring.grpc.client.channels.connectors.address", () -> TestBackends.get().connectorsAddress());
	}

	@BeforeEach
	void clients() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		this.graphQl = HttpGraphQlTester.create(this.http.mutate().baseUrl("http://127.0.0.1:" + this.port + "/graphql").build());
	}

}
