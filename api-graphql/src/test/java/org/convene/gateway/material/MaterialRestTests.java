package org.convene.gateway.material;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.gateway.material.MaterialFixtures.EXECUTABLE;
import static org.convene.gateway.material.MaterialFixtures.form;
import static org.convene.gateway.material.MaterialFixtures.pdf;

/** Session materials through the REST facade, over real HTTP against the real core and its file store (256 KiB limit). */
class MaterialRestTests extends GatewayIntegrationTest {

	private String session;

	@BeforeEach
	void session() {
		this.session = MaterialFixtures.session(this.http, "Materials " + UUID.randomUUID());
	}

	private WebTestClient.ResponseSpec upload(WebTestClient client, byte[] content, String fileName, String contentType) {
		return client.post().uri("/api/v1/sessions/{id}/materials", this.session)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form(content, fileName, contentType, "Slides", "SLIDES")))
			.exchange();
	}

	private List<?> materials() {
		return (List<?>) this.anonymous.get().uri("/api/v1/sessions/{id}/materials", this.session).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("data");
	}

	@Test
	void uploadsAFileThatDownloadsByteForByteWithSafeHeaders() throws Exception {
		byte[] content = pdf(200_000, 1);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

		@SuppressWarnings("unchecked")
		Map<String, Object> created = upload(this.http, content, "Präsentation 2030.pdf", "application/pdf")
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/materials/[0-9a-f-]{36}")
			.expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) created.get("id");

		assertThat(created).containsEntry("title", "Slides").containsEntry("kind", "SLIDES")
			.containsEntry("fileName", "Präsentation 2030.pdf").containsEntry("contentType", "application/pdf")
			.containsEntry("sizeBytes", 200_000).containsEntry("sha256", sha256)
			.containsEntry("downloadUrl", "/api/v1/materials/" + id + "/content").containsEntry("url", null);
		byte[] downloaded = this.anonymous.get().uri("/api/v1/materials/{id}/content", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/pdf")
			.expectHeader().contentLength(200_000)
			.expectHeader().valueEquals("ETag", "\"" + sha256 + "\"")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueMatches("Content-Disposition", "attachment; filename=\".*\"; filename\\*=UTF-8''Pr%C3%A4sentation%202030\\.pdf")
			.expectHeader().valueMatches("Cache-Control", ".*no-cache.*")
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(downloaded).isEqualTo(content);
		this.anonymous.get().uri("/api/v1/materials/{id}/content", id).header("If-None-Match", "\"" + sha256 + "\"").exchange()
			.expectStatus().isNotModified();
		assertThat(materials()).hasSize(1);
	}

	@Test
	void changesAndDeletesAMaterial() {
		String id = (String) upload(this.http, pdf(1000, 2), "deck.pdf", "application/pdf").expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");

		this.http.patch().uri("/api/v1/materials/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Final slides", "position", 3)).exchange()
			.expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
			.expectBody().jsonPath("$.title").isEqualTo("Final slides").jsonPath("$.position").isEqualTo(3);
		this.http.patch().uri("/api/v1/materials/{id}", id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Stale")).exchange()
			.expectStatus().isEqualTo(412);
		this.anonymous.get().uri("/api/v1/materials/{id}", id).header("If-None-Match", "\"2\"").exchange()
			.expectStatus().isNotModified();
		this.http.delete().uri("/api/v1/materials/{id}", id).exchange().expectStatus().isNoContent();

		this.anonymous.get().uri("/api/v1/materials/{id}/content", id).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND").jsonPath("$.error.status").isEqualTo(404);
		assertThat(materials()).isEmpty();
	}

	@Test
	void refusesAFileAboveTheLimitWith413AndKeepsNothing() {
		upload(this.http, pdf(300 * 1024, 3), "big.pdf", "application/pdf")
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.error.code").isEqualTo("PAYLOAD_TOO_LARGE").jsonPath("$.error.status").isEqualTo(413);
		// Above the limit and the form's fields: refused from the Content-Length, before the body is read.
		upload(this.http, pdf(400 * 1024, 3), "bigger.pdf", "application/pdf")
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.error.code").isEqualTo("PAYLOAD_TOO_LARGE")
			.jsonPath("$.error.message").isEqualTo("The request body is too large");

		assertThat(materials()).isEmpty();
	}

	@Test
	void refusesAnExecutableNamedAsAPdfWith415NamingItsType() {
		upload(this.http, EXECUTABLE, "slides.pdf", "application/pdf")
			.expectStatus().isEqualTo(415)
			.expectBody()
			.jsonPath("$.error.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE")
			.jsonPath("$.error.details").value(details -> assertThat((String) details).contains("application/x-msdownload"));

		assertThat(materials()).isEmpty();
	}

	@Test
	void addsLinksOnlyToWebAddresses() {
		this.http.post().uri("/api/v1/sessions/{id}/materials", this.session).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Recording", "url", "https://video.example.org/42", "kind", "VIDEO")).exchange()
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.url").isEqualTo("https://video.example.org/42").jsonPath("$.kind").isEqualTo("VIDEO")
			.jsonPath("$.downloadUrl").doesNotExist();
		this.http.post().uri("/api/v1/sessions/{id}/materials", this.session).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Evil", "url", "javascript:alert(1)")).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.error.target").isEqualTo("url");

		assertThat(materials()).hasSize(1);
	}

	@Test
	void answersTheEnvelopeForUnknownSessionsAndMissingCredentials() {
		this.http.get().uri("/api/v1/sessions/{id}/materials", UUID.randomUUID()).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
		this.http.get().uri("/api/v1/materials/{id}", UUID.randomUUID()).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
		upload(this.anonymous, pdf(100, 4), "deck.pdf", "application/pdf")
			.expectStatus().isUnauthorized().expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
	}

}
