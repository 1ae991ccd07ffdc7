package org.convene.gateway.material;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.gateway.material.MaterialFixtures.form;
import static org.convene.gateway.material.MaterialFixtures.pdf;

/** Session materials through GraphQL: Session.materials for many sessions at once, and the link mutations. */
class MaterialGraphQlTests extends GatewayIntegrationTest {

	@Test
	@SuppressWarnings("unchecked")
	void listsTheMaterialsOfEverySessionOfAnEventInOneBatch() {
		String first = MaterialFixtures.session(this.http, "GraphQL materials " + UUID.randomUUID());
		this.http.post().uri("/api/v1/sessions/{id}/materials", first).contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form(pdf(5000, 1), "deck.pdf", "application/pdf", "Deck", "SLIDES")))
			.exchange().expectStatus().isCreated();
		this.graphQl.document("""
				mutation($input: AddMaterialLinkInput!) {
				  addMaterialLink(input: $input, idempotencyKey: "%s") { ... on MaterialResult { material { id kind url } } }
				}""".formatted(UUID.randomUUID()))
			.variable("input", Map.of("sessionId", first, "title", "Repository", "url", "https://git.example.org/demo"))
			.execute()
			.path("addMaterialLink.material.kind").entity(String.class).isEqualTo("LINK");
		String eventId = (String) this.http.get().uri("/api/v1/sessions/{id}", first).exchange()
			.expectBody(Map.class).returnResult().getResponseBody().get("eventId");
		for (int minute : List.of(45, 80)) {
			this.http.post().uri("/api/v1/events/{id}/sessions", eventId).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", "Later " + minute, "startsAt", Json.berlin(MaterialFixtures.START.plusSeconds(60L * minute)),
						"endsAt", Json.berlin(MaterialFixtures.START.plusSeconds(60L * (minute + 30)))))
				.exchange().expectStatus().isCreated();
		}
		this.calls.reset();

		List<Map<String, Object>> materials = this.graphQl.document("""
				query($id: ID!) { event(id: $id) { sessions { materials { title kind fileName contentType sizeBytes downloadUrl url } } } }""")
			.variable("id", eventId)
			.execute()
			.path("event.sessions").entityList(Object.class).hasSize(3)
			.path("event.sessions[0].materials").entityList(Object.class).get()
			.stream().map(m -> (Map<String, Object>) m).toList();

		assertThat(this.calls.byMethod()).containsEntry("convene.session.v1.MaterialService/BatchListMaterials", 1)
			.doesNotContainKey("convene.session.v1.MaterialService/ListMaterials");
		assertThat(materials).hasSize(2);
		assertThat(materials.get(0)).containsEntry("title", "Deck").containsEntry("kind", "SLIDES")
			.containsEntry("contentType", "application/pdf").containsEntry("sizeBytes", 5000).containsEntry("url", null);
		assertThat((String) materials.get(0).get("downloadUrl")).matches("/api/v1/materials/[0-9a-f-]{36}/content");
		assertThat(materials.get(1)).containsEntry("url", "https://git.example.org/demo").containsEntry("downloadUrl", null);
	}

	@Test
	void changesAndDeletesLinksWithTypedErrors() {
		String session = MaterialFixtures.session(this.http, "GraphQL links " + UUID.randomUUID());
		String id = this.graphQl.document("""
				mutation($input: AddMaterialLinkInput!) { addMaterialLink(input: $input) { ... on MaterialResult { material { id } } } }""")
			.variable("input", Map.of("sessionId", session, "title", "Site", "url", "https://example.org"))
			.execute().path("addMaterialLink.material.id").entity(String.class).get();

		this.graphQl.document("""
				mutation($input: AddMaterialLinkInput!) {
				  addMaterialLink(input: $input) { __typename ... on ValidationFailed { fieldErrors { field } } }
				}""")
			.variable("input", Map.of("sessionId", session, "title", "Bad", "url", "ftp://example.org"))
			.execute()
			.path("addMaterialLink.__typename").entity(String.class).isEqualTo("ValidationFailed")
			.path("addMaterialLink.fieldErrors[0].field").entity(String.class).isEqualTo("url");
		this.graphQl.document("""
				mutation($input: UpdateMaterialInput!) { updateMaterial(input: $input) { ... on MaterialResult { material { title version } } } }""")
			.variable("input", Map.of("id", id, "title", "Project site", "expectedVersion", 1))
			.execute()
			.path("updateMaterial.material.title").entity(String.class).isEqualTo("Project site")
			.path("updateMaterial.material.version").entity(Integer.class).isEqualTo(2);
		this.graphQl.document("""
				mutation($input: UpdateMaterialInput!) { updateMaterial(input: $input) { __typename } }""")
			.variable("input", Map.of("id", id, "title", "Stale", "expectedVersion", 1))
			.execute().path("updateMaterial.__typename").entity(String.class).isEqualTo("VersionConflict");
		this.graphQl.document("""
				mutation($input: DeleteMaterialInput!) { deleteMaterial(input: $input) { ... on DeletedMaterial { id } } }""")
			.variable("input", Map.of("id", id))
			.execute().path("deleteMaterial.id").entity(String.class).isEqualTo(id);
		this.graphQl.document("""
				mutation($input: DeleteMaterialInput!) { deleteMaterial(input: $input) { __typename } }""")
			.variable("input", Map.of("id", id))
			.execute().path("deleteMaterial.__typename").entity(String.class).isEqualTo("NotFound");
	}

}
