package org.convene.gateway.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class UserRestTests extends GatewayIntegrationTest {

	private static final String PASSWORD = "correct-horse-battery";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** A sign-up body with an address no other test uses. */
	private static Map<String, Object> signUpBody(String displayName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", "user-" + UUID.randomUUID() + "@example.test");
		body.put("password", PASSWORD);
		body.put("displayName", displayName);
		return body;
	}

	private Map<String, Object> signUp(Map<String, Object> body) {
		return this.anonymous.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private String signUpUser(String displayName) {
		return (String) signUp(signUpBody(displayName)).get("id");
	}

	private WebTestClient.ResponseSpec put(String uri, String id, Map<String, Object> body) {
		return this.http.put().uri(uri, id).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	@Nested
	class SigningUp {

		@Test
		void opensAnActiveAttendeeAccountWithLocationAndETag() {
			Map<String, Object> body = signUpBody("Ada Lovelace");
			body.put("preferences", Map.of("language", "en-GB", "timeZone", "Europe/London", "channels", List.of("EMAIL")));

			EntityExchangeResult<byte[]> result = anonymous.post()
				.uri("/api/v1/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"")
				.expectBody()
				.jsonPath("$.displayName").isEqualTo("Ada Lovelace")
				.jsonPath("$.email").isEqualTo(body.get("email"))
				.jsonPath("$.emailVerified").isEqualTo(false)
				.jsonPath("$.roles").isEqualTo(List.of("ATTENDEE"))
				.jsonPath("$.status").isEqualTo("ACTIVE")
				.jsonPath("$.preferences.timeZone").isEqualTo("Europe/London")
				.jsonPath("$.preferences.channels").isEqualTo(List.of("EMAIL"))
				.jsonPath("$.speakerProfile").doesNotExist()
				.jsonPath("$.version").isEqualTo(1)
				.jsonPath("$.password").doesNotExist()
				.returnResult();

			String id = JsonPath.read(new String(result.getResponseBody()), "$.id");
			assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/users/" + id);
		}

		@Test
		void refusesATakenEmailAddressWith409AndTheEnvelope() {
			Map<String, Object> body = signUpBody("First");
			signUp(body);
			Map<String, Object> again = new HashMap<>(body);
			again.put("email", ((String) body.get("email")).toUpperCase(Locale.ROOT));

			anonymous.post()
				.uri("/api/v1/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(again)
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("CONFLICT")
				.jsonPath("$.error.status").isEqualTo(409)
				.jsonPath("$.error.target").isEqualTo("email")
				.jsonPath("$.error.correlationId").exists();
		}

		@Test
		void reportsEveryFieldCoreRefuses() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("email", "not-an-address");
			body.put("password", "short");
			body.put("displayName", " ");
			body.put("preferences", Map.of("timeZone", "Atlantis/Central"));

			anonymous.post()
				.uri("/api/v1/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.fieldErrors[*].field")
				.value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("email", "password",
						"displayName", "preferences.timeZone"));
		}

		@Test
		void refusesUnknownAndMistypedFieldsBeforeCallingCore() {
			Map<String, Object> body = signUpBody("Typed");
			body.put("nickname", "ada");
			body.put("preferences", Map.of("channels", List.of("PIGEON")));
			calls.reset();

			anonymous.post()
				.uri("/api/v1/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.fieldErrors[*].field")
				.value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("nickname", "preferences"));

			assertThat(calls.byMethod()).doesNotContainKey("convene.core.v1.UserService/SignUp");
		}

	}

	@Nested
	class Reading {

		@Test
		void servesTheWholeUserToAnAdministratorWithAnETag() {
			String id = signUpUser("Grace Hopper");

			http.get()
				.uri("/api/v1/users/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"")
				.expectBody()
				.jsonPath("$.id").isEqualTo(id)
				.jsonPath("$.email").exists()
				.jsonPath("$.roles").isEqualTo(List.of("ATTENDEE"))
				.jsonPath("$._links.self.href").isEqualTo("/api/v1/users/" + id);
		}

		@Test
		void answersNotModifiedWhenTheETagStillMatches() {
			String id = signUpUser("Cached");

			http.get()
				.uri("/api/v1/users/{id}", id)
				.header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
				.exchange()
				.expectStatus()
				.isNotModified()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"");
		}

		@Test
		void showsAnonymousCallersOnlyThePublicProfile() {
			String id = signUpUser("Public Person");

			anonymous.get()
				.uri("/api/v1/users/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.displayName").isEqualTo("Public Person")
				.jsonPath("$.status").isEqualTo("ACTIVE")
				.jsonPath("$.email").doesNotExist()
				.jsonPath("$.emailVerified").doesNotExist()
				.jsonPath("$.roles").doesNotExist()
				.jsonPath("$.preferences").doesNotExist();
		}

		@Test
		void answersMeWithPermissionDeniedForCredentialsActingForNoUser() {
			http.get()
				.uri("/api/v1/users/me")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED")
				.jsonPath("$.error.status").isEqualTo(403);
		}

		@Test
		void answersMeWithUnauthenticatedWithoutCredentials() {
			anonymous.get()
				.uri("/api/v1/users/me")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
				.jsonPath("$.error.target").isEqualTo("Authorization");
		}

		@Test
		void answersUnknownAndMalformedIdsWithTheEnvelope() {
			http.get()
				.uri("/api/v1/users/{id}", UUID.randomUUID())
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND")
				.jsonPath("$.error.target").isEqualTo("id");
			http.get()
				.uri("/api/v1/users/not-a-uuid")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.target").isEqualTo("id");
		}

	}

	@Nested
	class Listing {

		private final String marker = "lst" + UUID.randomUUID().toString().substring(0, 8);

		private List<String> signUpFive() {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				ids.add(signUpUser(this.marker + " User " + i));
			}
			return ids;
		}

		@Test
		void pagesByPageNumberWithLinkHeadersAndTotalCount() {
			signUpFive();

			EntityExchangeResult<byte[]> page2 = http.get()
				.uri("/api/v1/users?q={q}&page=2&pageSize=2", this.marker)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Total-Count", "5")
				.expectBody()
				.jsonPath("$.data[*].displayName").isEqualTo(List.of(this.marker + " User 2", this.marker + " User 3"))
				.jsonPath("$.pagination.page").isEqualTo(2)
				.jsonPath("$.pagination.totalCount").isEqualTo(5)
				.returnResult();

			assertThat(page2.getResponseHeaders().getFirst(HttpHeaders.LINK)).contains(
					"page=1&pageSize=2>; rel=\"first\"", "page=1&pageSize=2>; rel=\"prev\"",
					"page=3&pageSize=2>; rel=\"next\"", "page=3&pageSize=2>; rel=\"last\"");
		}

		@Test
		void walksEveryPageByCursorWithoutGapsOrRepeats() {
			signUpFive();
			List<String> names = new ArrayList<>();
			String uri = "/api/v1/users?q=" + this.marker + "&limit=2";

			while (uri != null) {
				Map<?, ?> page = http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
					.getResponseBody();
				((List<?>) page.get("data")).forEach(u -> names.add((String) ((Map<?, ?>) u).get("displayName")));
				Object next = ((Map<?, ?>) page.get("pagination")).get("nextCursor");
				uri = next == null ? null : "/api/v1/users?q=" + this.marker + "&limit=2&cursor=" + next;
			}

			assertThat(names).containsExactly(this.marker + " User 0", this.marker + " User 1", this.marker + " User 2",
					this.marker + " User 3", this.marker + " User 4");
		}

		@Test
		void filtersByRoleInAnyCase() {
			List<String> ids = signUpFive();
			put("/api/v1/users/{id}/roles", ids.get(3), Map.of("roles", List.of("SPEAKER"))).expectStatus().isOk();

			http.get()
				.uri("/api/v1/users?q={q}&role=speaker", this.marker)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data[*].id").isEqualTo(List.of(ids.get(3)));
		}

		@Test
		void refusesUnknownParametersRolesAndOversizedPages() {
			http.get().uri("/api/v1/users?colour=blue").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.target").isEqualTo("colour");
			http.get().uri("/api/v1/users?role=GUEST").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.error.target").isEqualTo("role");
			http.get().uri("/api/v1/users?pageSize=101").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.target").isEqualTo("pageSize");
		}

		@Test
		void refusesAnonymousCallersWith401AndTheEnvelope() {
			anonymous.get()
				.uri("/api/v1/users")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
				.jsonPath("$.error.status").isEqualTo(401)
				.jsonPath("$.error.documentation").value(doc -> assertThat((String) doc).endsWith("/errors/UNAUTHENTICATED"));
		}

	}

	@Nested
	class Changing {

		@Test
		void patchesAProfileAndMovesTheETagOn() {
			String id = signUpUser("Before");
			Map<String, Object> patch = Map.of("displayName", "After", "speakerProfile",
					Map.of("bio", "Compilers", "links", List.of(Map.of("label", "Website", "url", "https://example.test")),
							"topics", List.of("cobol")));

			http.patch()
				.uri("/api/v1/users/{id}", id)
				.contentType(MediaType.valueOf("application/merge-patch+json"))
				.header(HttpHeaders.IF_MATCH, "\"1\"")
				.bodyValue(patch)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"2\"")
				.expectBody()
				.jsonPath("$.displayName").isEqualTo("After")
				.jsonPath("$.speakerProfile.bio").isEqualTo("Compilers")
				.jsonPath("$.speakerProfile.photoUrl").doesNotExist()
				.jsonPath("$.speakerProfile.links[0].url").isEqualTo("https://example.test")
				.jsonPath("$.speakerProfile.topics").isEqualTo(List.of("cobol"));
		}

		@Test
		void clearsASpeakerProfilePatchedToNull() {
			String id = signUpUser("Speaker");
			http.patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("speakerProfile", Map.of("bio", "Talks"))).exchange()
				.expectStatus().isOk();
			Map<String, Object> patch = new HashMap<>();
			patch.put("speakerProfile", null);

			http.patch()
				.uri("/api/v1/users/{id}", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(patch)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.speakerProfile").doesNotExist()
				.jsonPath("$.version").isEqualTo(3);
		}

		@Test
		void refusesAStaleIfMatchWith412AndTheEnvelope() {
			String id = signUpUser("Contended");
			http.patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.IF_MATCH, "\"1\"").bodyValue(Map.of("displayName", "First")).exchange()
				.expectStatus().isOk();

			http.patch()
				.uri("/api/v1/users/{id}", id)
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.IF_MATCH, "\"1\"")
				.bodyValue(Map.of("displayName", "Lost update"))
				.exchange()
				.expectStatus()
				.isEqualTo(412)
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PRECONDITION_FAILED")
				.jsonPath("$.error.status").isEqualTo(412)
				.jsonPath("$.error.target").isEqualTo("version");
		}

		@Test
		void refusesFieldsThatAreNotWritableAndAnEmptyPatch() {
			String id = signUpUser("Fixed");

			http.patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", "new@example.test", "roles", List.of("ADMIN"))).exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.fieldErrors[*].field")
				.value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("email", "roles"));
			http.patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of()).exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error.target").isEqualTo("body");
		}

		@Test
		void refusesAnonymousProfileChanges() {
			String id = signUpUser("Guarded");

			anonymous.patch()
				.uri("/api/v1/users/{id}", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("displayName", "Vandal"))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
		}

		@Test
		void replacesRoles() {
			String id = signUpUser("Promoted");

			put("/api/v1/users/{id}/roles", id, Map.of("roles", List.of("SPEAKER", "ORGANIZER")))
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"2\"")
				.expectBody()
				.jsonPath("$.roles").isEqualTo(List.of("ORGANIZER", "SPEAKER"));
		}

		@Test
		void refusesUnknownAndMissingRoles() {
			String id = signUpUser("Unchanged");

			put("/api/v1/users/{id}/roles", id, Map.of("roles", List.of("EMPEROR"))).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.target").isEqualTo("roles");
			put("/api/v1/users/{id}/roles", id, Map.of()).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.target").isEqualTo("roles");
		}

		@Test
		void disablesAndEnablesAnAccount() {
			String id = signUpUser("Paused");

			put("/api/v1/users/{id}/status", id, Map.of("status", "DISABLED")).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("DISABLED");
			put("/api/v1/users/{id}/status", id, Map.of("status", "ACTIVE")).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("ACTIVE")
				.jsonPath("$.version").isEqualTo(3);
		}

		@Test
		void refusesAnUnknownStatusAndAnUnknownUser() {
			String id = signUpUser("Steady");

			put("/api/v1/users/{id}/status", id, Map.of("status", "ASLEEP")).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.target").isEqualTo("status");
			put("/api/v1/users/{id}/status", UUID.randomUUID().toString(), Map.of("status", "DISABLED")).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("RESOURCE_NOT_FOUND");
		}

		@Test
		void refusesRoleAndStatusChangesFromAnonymousCallers() {
			String id = signUpUser("Protected");

			anonymous.put().uri("/api/v1/users/{id}/roles", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("roles", List.of("ADMIN"))).exchange()
				.expectStatus().isUnauthorized()
				.expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
			anonymous.put().uri("/api/v1/users/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("status", "DISABLED")).exchange()
				.expectStatus().isUnauthorized();
		}

	}

	@Nested
	class ChangingPasswords {

		@Test
		void refusesCredentialsActingForNoUserWith403() {
			http.post()
				.uri("/api/v1/users/me/password")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "another-long-password"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void refusesAnonymousCallersWith401() {
			anonymous.post()
				.uri("/api/v1/users/me/password")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "another-long-password"))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
		}

		@Test
		void refusesUnknownFieldsBeforeCallingCore() {
			anonymous.post()
				.uri("/api/v1/users/me/password")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("oldPassword", PASSWORD, "newPassword", "another-long-password"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.target").isEqualTo("oldPassword");
		}

	}

}
