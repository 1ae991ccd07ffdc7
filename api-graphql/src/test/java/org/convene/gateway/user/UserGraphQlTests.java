package org.convene.gateway.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

class UserGraphQlTests extends GatewayIntegrationTest {

	private static final String USER_FIELDS = "id displayName email emailVerified roles status version "
			+ "preferences { language timeZone channels } speakerProfile { bio photoUrl links { label url } topics }";

	private static final String SIGN_UP = "mutation signUp($input: SignUpInput!) { signUp(input: $input) { __typename "
			+ "... on UserResult { user { " + USER_FIELDS + " } } "
			+ "... on ValidationFailed { fieldErrors { field message } } "
			+ "... on Conflict { target } ... on UserError { code message } } }";

	private static final String UPDATE_PROFILE = "mutation updateProfile($input: UpdateProfileInput!) { "
			+ "updateProfile(input: $input) { __typename ... on UserResult { user { " + USER_FIELDS + " } } "
			+ "... on ValidationFailed { fieldErrors { field message } } ... on UserError { code message } } }";

	private static final String USER_PAGE = "query userPage($query: String, $role: Role, $first: Int, $after: String, "
			+ "$last: Int, $before: String) { users(query: $query, role: $role, first: $first, after: $after, "
			+ "last: $last, before: $before) { totalCount nodes { displayName roles } "
			+ "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

	/** GraphQL without credentials. */
	private HttpGraphQlTester anonymousGraphQl;

	@BeforeEach
	void anonymousClient() {
		this.anonymousGraphQl = HttpGraphQlTester.create(this.anonymous.mutate().baseUrl(this.baseUrl + "/graphql").build());
	}

	private static Map<String, Object> signUpInput(String displayName) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("email", "gql-" + UUID.randomUUID() + "@example.test");
		input.put("password", "correct-horse-battery");
		input.put("displayName", displayName);
		return input;
	}

	private String signUp(Map<String, Object> input) {
		return this.anonymousGraphQl.document(SIGN_UP)
			.variable("input", input)
			.execute()
			.path("signUp.__typename").entity(String.class).isEqualTo("UserResult")
			.path("signUp.user.id").entity(String.class).get();
	}

	@Nested
	class SigningUp {

		@Test
		void opensAnAccountAndReturnsItAsUserResult() {
			Map<String, Object> input = signUpInput("Margaret Hamilton");
			input.put("preferences", Map.of("language", "en-US", "channels", List.of("EMAIL", "PUSH")));

			anonymousGraphQl.document(SIGN_UP)
				.variable("input", input)
				.execute()
				.path("signUp.__typename").entity(String.class).isEqualTo("UserResult")
				.path("signUp.user.displayName").entity(String.class).isEqualTo("Margaret Hamilton")
				.path("signUp.user.email").entity(String.class).isEqualTo((String) input.get("email"))
				.path("signUp.user.emailVerified").entity(Boolean.class).isEqualTo(false)
				.path("signUp.user.roles").entityList(String.class).containsExactly("ATTENDEE")
				.path("signUp.user.status").entity(String.class).isEqualTo("ACTIVE")
				.path("signUp.user.preferences.language").entity(String.class).isEqualTo("en-US")
				.path("signUp.user.preferences.timeZone").valueIsNull()
				.path("signUp.user.preferences.channels").entityList(String.class).containsExactly("EMAIL", "PUSH")
				.path("signUp.user.speakerProfile").valueIsNull()
				.path("signUp.user.version").entity(Integer.class).isEqualTo(1);
		}

		@Test
		void aTakenEmailAddressComesBackAsConflict() {
			Map<String, Object> input = signUpInput("Original");
			signUp(input);

			anonymousGraphQl.document(SIGN_UP)
				.variable("input", input)
				.execute()
				.path("signUp.__typename").entity(String.class).isEqualTo("Conflict")
				.path("signUp.code").entity(String.class).isEqualTo("CONFLICT")
				.path("signUp.target").entity(String.class).isEqualTo("email");
		}

		@Test
		void invalidInputComesBackAsValidationFailedWithEveryField() {
			Map<String, Object> input = signUpInput("");
			input.put("email", "nobody");
			input.put("password", "short");

			anonymousGraphQl.document(SIGN_UP)
				.variable("input", input)
				.execute()
				.path("signUp.__typename").entity(String.class).isEqualTo("ValidationFailed")
				.path("signUp.code").entity(String.class).isEqualTo("VALIDATION_FAILED")
				.path("signUp.fieldErrors[*].field").entityList(String.class)
				.containsExactly("email", "password", "displayName");
		}

	}

	@Nested
	class Reading {

		@Test
		void showsAnAdministratorTheWholeUser() {
			String id = signUp(signUpInput("Katherine Johnson"));

			graphQl.document("{ user(id: \"" + id + "\") { " + USER_FIELDS + " } }")
				.execute()
				.path("user.displayName").entity(String.class).isEqualTo("Katherine Johnson")
				.path("user.email").entity(String.class).satisfies(email -> assertThat(email).endsWith("@example.test"))
				.path("user.roles").entityList(String.class).containsExactly("ATTENDEE");
		}

		@Test
		void showsAnonymousCallersOnlyThePublicProfile() {
			String id = signUp(signUpInput("Dorothy Vaughan"));

			anonymousGraphQl.document("{ user(id: \"" + id + "\") { " + USER_FIELDS + " } }")
				.execute()
				.path("user.displayName").entity(String.class).isEqualTo("Dorothy Vaughan")
				.path("user.status").entity(String.class).isEqualTo("ACTIVE")
				.path("user.email").valueIsNull()
				.path("user.emailVerified").valueIsNull()
				.path("user.roles").valueIsNull()
				.path("user.preferences").valueIsNull();
		}

		@Test
		void meIsNullWithPermissionDeniedForCredentialsActingForNoUser() {
			graphQl.document("{ me { id } }")
				.execute()
				.errors()
				.satisfy(errors -> {
					assertThat(errors).hasSize(1);
					assertThat(errors.get(0).getExtensions()).containsEntry("code", "PERMISSION_DENIED");
				})
				.path("me").valueIsNull();
		}

		@Test
		void meIsNullWithUnauthenticatedWithoutCredentials() {
			anonymousGraphQl.document("{ me { id } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "UNAUTHENTICATED"))
				.path("me").valueIsNull();
		}

		@Test
		void resolvesAnEventOrganizerAsTheSameUserType() {
			String organizer = signUp(signUpInput("Grace Organizer"));
			Map<String, Object> event = new LinkedHashMap<>(Json.event("Organized", Instant.now().plus(60, ChronoUnit.DAYS)));
			event.put("organizerId", organizer);
			String eventId = graphQl.document("mutation createEvent($input: CreateEventInput!) { createEvent(input: $input) "
					+ "{ ... on EventResult { event { id } } } }")
				.variable("input", event)
				.execute()
				.path("createEvent.event.id").entity(String.class).get();

			graphQl.document("{ event(id: \"" + eventId + "\") { organizer { id displayName email roles status } } }")
				.execute()
				.path("event.organizer.id").entity(String.class).isEqualTo(organizer)
				.path("event.organizer.displayName").entity(String.class).isEqualTo("Grace Organizer")
				.path("event.organizer.email").entity(String.class).satisfies(email -> assertThat(email).endsWith("@example.test"))
				.path("event.organizer.roles").entityList(String.class).containsExactly("ATTENDEE")
				.path("event.organizer.status").entity(String.class).isEqualTo("ACTIVE");
		}

		@Test
		void aMissingUserIsNullWithAResourceNotFoundCode() {
			graphQl.document("{ user(id: \"" + UUID.randomUUID() + "\") { id } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "RESOURCE_NOT_FOUND"))
				.path("user").valueIsNull();
		}

	}

	@Nested
	class Listing {

		private final String marker = "gls" + UUID.randomUUID().toString().substring(0, 8);

		@Test
		void pagesForwardAndBackwardByCursor() {
			for (int i = 0; i < 5; i++) {
				signUp(signUpInput(this.marker + " Member " + i));
			}

			String endCursor = graphQl.document(USER_PAGE).variable("query", this.marker).variable("first", 2)
				.execute()
				.path("users.totalCount").entity(Integer.class).isEqualTo(5)
				.path("users.nodes[*].displayName").entityList(String.class)
				.containsExactly(this.marker + " Member 0", this.marker + " Member 1")
				.path("users.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
				.path("users.pageInfo.endCursor").entity(String.class).get();
			String startCursor = graphQl.document(USER_PAGE).variable("query", this.marker).variable("first", 2)
				.variable("after", endCursor)
				.execute()
				.path("users.nodes[*].displayName").entityList(String.class)
				.containsExactly(this.marker + " Member 2", this.marker + " Member 3")
				.path("users.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
				.path("users.pageInfo.startCursor").entity(String.class).get();

			graphQl.document(USER_PAGE).variable("query", this.marker).variable("last", 2).variable("before", startCursor)
				.execute()
				.path("users.nodes[*].displayName").entityList(String.class)
				.containsExactly(this.marker + " Member 0", this.marker + " Member 1")
				.path("users.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		}

		@Test
		void filtersByRole() {
			String speaker = signUp(signUpInput(this.marker + " Speaker"));
			signUp(signUpInput(this.marker + " Attendee"));
			graphQl.document("mutation { setRoles(input: {id: \"" + speaker + "\", roles: [SPEAKER]}) { __typename } }")
				.execute();

			graphQl.document(USER_PAGE).variable("query", this.marker).variable("role", "SPEAKER")
				.execute()
				.path("users.nodes[*].displayName").entityList(String.class).containsExactly(this.marker + " Speaker")
				.path("users.nodes[0].roles").entityList(String.class).containsExactly("SPEAKER");
		}

		@Test
		void isRefusedToAnonymousCallersWithUnauthenticated() {
			anonymousGraphQl.document(USER_PAGE)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
		}

	}

	@Nested
	class Changing {

		@Test
		void updatesAProfileAndClearsWhatIsGivenAsNull() {
			String id = signUp(signUpInput("Profiled"));
			graphQl.document(UPDATE_PROFILE)
				.variable("input", Map.of("id", id, "speakerProfile", Map.of("bio", "Rockets", "topics", List.of("space"))))
				.execute()
				.path("updateProfile.user.speakerProfile.bio").entity(String.class).isEqualTo("Rockets");
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("id", id);
			input.put("expectedVersion", 2);
			input.put("displayName", "Profiled Again");
			input.put("speakerProfile", null);

			graphQl.document(UPDATE_PROFILE)
				.variable("input", input)
				.execute()
				.path("updateProfile.__typename").entity(String.class).isEqualTo("UserResult")
				.path("updateProfile.user.displayName").entity(String.class).isEqualTo("Profiled Again")
				.path("updateProfile.user.speakerProfile").valueIsNull()
				.path("updateProfile.user.version").entity(Integer.class).isEqualTo(3);
		}

		@Test
		void aStaleVersionComesBackAsVersionConflict() {
			String id = signUp(signUpInput("Raced"));
			graphQl.document(UPDATE_PROFILE).variable("input", Map.of("id", id, "displayName", "Winner")).execute();

			graphQl.document(UPDATE_PROFILE)
				.variable("input", Map.of("id", id, "expectedVersion", 1, "displayName", "Loser"))
				.execute()
				.path("updateProfile.__typename").entity(String.class).isEqualTo("VersionConflict")
				.path("updateProfile.code").entity(String.class).isEqualTo("PRECONDITION_FAILED");
		}

		@Test
		void anUnknownUserComesBackAsNotFound() {
			graphQl.document(UPDATE_PROFILE)
				.variable("input", Map.of("id", UUID.randomUUID().toString(), "displayName", "Ghost"))
				.execute()
				.path("updateProfile.__typename").entity(String.class).isEqualTo("NotFound");
		}

		@Test
		void invalidProfileFieldsComeBackAsValidationFailed() {
			String id = signUp(signUpInput("Linked"));

			graphQl.document(UPDATE_PROFILE)
				.variable("input", Map.of("id", id, "speakerProfile",
						Map.of("photoUrl", "http://insecure.example.test/me.jpg")))
				.execute()
				.path("updateProfile.__typename").entity(String.class).isEqualTo("ValidationFailed")
				.path("updateProfile.fieldErrors[*].field").entityList(String.class)
				.containsExactly("speakerProfile.photoUrl");
		}

		@Test
		void setsRolesAndStatus() {
			String id = signUp(signUpInput("Administered"));

			graphQl.document("mutation { setRoles(input: {id: \"" + id + "\", roles: [ORGANIZER, ATTENDEE]}) "
					+ "{ __typename ... on UserResult { user { roles } } } }")
				.execute()
				.path("setRoles.user.roles").entityList(String.class).containsExactly("ORGANIZER", "ATTENDEE");
			graphQl.document("mutation { setUserStatus(input: {id: \"" + id + "\", status: DISABLED}) "
					+ "{ __typename ... on UserResult { user { status version } } } }")
				.execute()
				.path("setUserStatus.user.status").entity(String.class).isEqualTo("DISABLED")
				.path("setUserStatus.user.version").entity(Integer.class).isEqualTo(3);
		}

		@Test
		void anEmptyRoleListComesBackAsValidationFailedAndAnUnknownUserAsNotFound() {
			String id = signUp(signUpInput("Roleless"));

			graphQl.document("mutation { setRoles(input: {id: \"" + id + "\", roles: []}) "
					+ "{ __typename ... on ValidationFailed { fieldErrors { field } } } }")
				.execute()
				.path("setRoles.__typename").entity(String.class).isEqualTo("ValidationFailed")
				.path("setRoles.fieldErrors[0].field").entity(String.class).isEqualTo("roles");
			graphQl.document("mutation { setUserStatus(input: {id: \"" + UUID.randomUUID() + "\", status: ACTIVE}) "
					+ "{ __typename } }")
				.execute()
				.path("setUserStatus.__typename").entity(String.class).isEqualTo("NotFound");
		}

		@Test
		void changingThePasswordIsForbiddenToCredentialsActingForNoUser() {
			graphQl.document("mutation { changePassword(input: {currentPassword: \"correct-horse-battery\", "
					+ "newPassword: \"another-long-password\"}) { __typename } }")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "PERMISSION_DENIED"));
		}

	}

}
