package org.convene.gateway.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What users do with their own token, obtained through the browser sign-in of Convene's web client. */
class SignedInUserTests extends GatewayIntegrationTest {

	private static final String WEB_CLIENT = "convene-web";

	private static final String REDIRECT_URI = "http://localhost:3000/callback";

	private static final String PASSWORD = "correct-horse-battery";

	private String id;

	private String email;

	/** HTTP as the signed-in attendee. */
	private WebTestClient user;

	@BeforeEach
	void signedInAttendee() throws Exception {
		this.email = "self-" + UUID.randomUUID() + "@example.test";
		this.id = signUp(this.email, "Self Service");
		this.user = this.anonymous.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(this.email, PASSWORD))
			.build();
	}

	private String signUp(String email, String displayName) {
		return (String) this.anonymous.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", displayName))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/** Signs in on the login page and exchanges the code; null when the sign-in is refused. */
	private String token(String email, String password) throws Exception {
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorize(WEB_CLIENT, REDIRECT_URI,
				"users:read users:write events:read", email, password, List.of());
		if (result.code() == null) {
			return null;
		}
		return AuthorizationCodeFlow.field(browser.exchange(WEB_CLIENT, REDIRECT_URI, result.code()).body(), "access_token");
	}

	@Nested
	class Reading {

		@Test
		void meAnswersWithEverythingAboutTheSignedInUser() {
			user.get()
				.uri("/api/v1/users/me")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"")
				.expectBody()
				.jsonPath("$.id").isEqualTo(id)
				.jsonPath("$.email").isEqualTo(email)
				.jsonPath("$.roles").isEqualTo(List.of("ATTENDEE"))
				.jsonPath("$.preferences").exists();
		}

		@Test
		void showsOtherUsersOnlyTheirPublicProfile() {
			String other = signUp("other-" + UUID.randomUUID() + "@example.test", "Someone Else");

			user.get()
				.uri("/api/v1/users/{id}", other)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.displayName").isEqualTo("Someone Else")
				.jsonPath("$.email").doesNotExist()
				.jsonPath("$.roles").doesNotExist();
		}

		@Test
		void refusesTheUserListToNonAdministratorsWith403() {
			user.get()
				.uri("/api/v1/users")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void meThroughGraphQlIsTheSignedInUser() {
			HttpGraphQlTester graphQl = HttpGraphQlTester.create(user.mutate().baseUrl(baseUrl + "/graphql").build());

			graphQl.document("{ me { id email roles } }")
				.execute()
				.path("me.id").entity(String.class).isEqualTo(id)
				.path("me.email").entity(String.class).isEqualTo(email);
		}

	}

	@Nested
	class ChangingTheProfile {

		@Test
		void patchesTheOwnProfileThroughMe() {
			user.patch()
				.uri("/api/v1/users/me")
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.IF_MATCH, "\"1\"")
				.bodyValue(Map.of("displayName", "Renamed", "preferences", Map.of("timeZone", "Europe/Berlin")))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"2\"")
				.expectBody()
				.jsonPath("$.id").isEqualTo(id)
				.jsonPath("$.displayName").isEqualTo("Renamed")
				.jsonPath("$.preferences.timeZone").isEqualTo("Europe/Berlin");
		}

		@Test
		void refusesChangingAnotherUsersProfileWith403() {
			String other = signUp("victim-" + UUID.randomUUID() + "@example.test", "Victim");

			user.patch()
				.uri("/api/v1/users/{id}", other)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("displayName", "Hijacked"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

		@Test
		void refusesGrantingRolesToItselfWith403() {
			user.put()
				.uri("/api/v1/users/{id}/roles", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("roles", List.of("ADMIN")))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("PERMISSION_DENIED");
		}

	}

	@Nested
	class ChangingThePassword {

		@Test
		void replacesThePasswordWith204SoOnlyTheNewOneSignsIn() throws Exception {
			user.post()
				.uri("/api/v1/users/me/password")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "a-brand-new-password"))
				.exchange()
				.expectStatus()
				.isNoContent()
				.expectBody()
				.isEmpty();

			assertThat(token(email, "a-brand-new-password")).isNotBlank();
			assertThat(token(email, PASSWORD)).isNull();
		}

		@Test
		void refusesAWrongCurrentPasswordNamingTheField() {
			user.post()
				.uri("/api/v1/users/me/password")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("currentPassword", "not-the-password", "newPassword", "a-brand-new-password"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
				.jsonPath("$.error.fieldErrors[*].field").isEqualTo(List.of("currentPassword"));
		}

		@Test
		void aWrongCurrentPasswordComesBackAsValidationFailedThroughGraphQl() {
			HttpGraphQlTester graphQl = HttpGraphQlTester.create(user.mutate().baseUrl(baseUrl + "/graphql").build());

			graphQl.document("mutation { changePassword(input: {currentPassword: \"not-the-password\", "
					+ "newPassword: \"short\"}) { __typename ... on ValidationFailed { fieldErrors { field } } } }")
				.execute()
				.path("changePassword.__typename").entity(String.class).isEqualTo("ValidationFailed")
				.path("changePassword.fieldErrors[*].field").entityList(String.class)
				.containsExactly("currentPassword", "newPassword");
		}

		@Test
		void aCorrectCurrentPasswordComesBackAsPasswordChangedThroughGraphQl() {
			HttpGraphQlTester graphQl = HttpGraphQlTester.create(user.mutate().baseUrl(baseUrl + "/graphql").build());

			graphQl.document("mutation { changePassword(input: {currentPassword: \"" + PASSWORD + "\", "
					+ "newPassword: \"another-long-password\"}) { __typename ... on PasswordChanged { changed } } }")
				.execute()
				.path("changePassword.__typename").entity(String.class).isEqualTo("PasswordChanged")
				.path("changePassword.changed").entity(Boolean.class).isEqualTo(true);
		}

	}

}
