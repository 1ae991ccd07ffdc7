package org.convene.gateway;

import org.junit.jupiter.api.Test;

import org.convene.gateway.support.GatewayIntegrationTest;

class OpenApiTests extends GatewayIntegrationTest {

	@Test
	void describesTheRestApiInOpenApi31() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi").value(version -> org.assertj.core.api.Assertions.assertThat((String) version).startsWith("3.1"))
			.jsonPath("$.paths['/api/v1/events'].get").exists()
			.jsonPath("$.paths['/api/v1/events/{id}'].patch").exists()
			.jsonPath("$.paths['/api/v1/events/{id}/statistics'].get").exists();
	}

	@Test
	void servesTheSwaggerUi() {
		this.http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

}
