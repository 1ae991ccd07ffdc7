package org.convene.core.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageRequest;
import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.v1.proto.BatchGetUsersRequest;
import org.convene.core.v1.proto.Channel;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.ListUsersRequest;
import org.convene.core.v1.proto.ListUsersResponse;
import org.convene.core.v1.proto.Preferences;
import org.convene.core.v1.proto.ProfileLink;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.SpeakerProfile;
import org.convene.core.v1.proto.UpdateProfileRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.core.v1.proto.UserStatus;
import org.convene.grpc.ApiError;
import org.convene.grpc.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.APP_USER;

/** Reading users, signing up and changing profiles through {@code UserService}. */
class UserServiceTests extends CoreIntegrationTest {

	private User signUp(String name) {
		return TestUsers.signUp(this.users, name);
	}

	/** The stub, calling as the user with the role ATTENDEE and the scopes. */
	private UserServiceBlockingStub as(User user, String... scopes) {
		return bearer(this.users, this.tokens.user(UUID.fromString(user.getId()), TestUsers.names(Role.ATTENDEE), scopes));
	}

	/** The stub, calling as a new administrator with the admin, users:read and users:write scopes. */
	private UserServiceBlockingStub asAdmin() {
		User admin = signUp("Admin");
		TestUsers.grant(this.db, admin.getId(), Role.ADMIN);
		return bearer(this.users, this.tokens.user(UUID.fromString(admin.getId()), TestUsers.names(Role.ADMIN), Scopes.ADMIN,
				Scopes.USERS_READ, Scopes.USERS_WRITE));
	}

	private static GetUserRequest get(String id) {
		return GetUserRequest.newBuilder().setId(id).build();
	}

	private static SpeakerProfile speakerProfile() {
		return SpeakerProfile.newBuilder()
			.setBio("Writes compilers for fun.")
			.setPhotoUrl("https://photos.example.test/ada.jpg")
			.addLinks(ProfileLink.newBuilder().setLabel("Website").setUrl("https://ada.example.test"))
			.addTopics("Compilers")
			.build();
	}

	private static UpdateProfileRequest.Builder update(User user, String... paths) {
		return UpdateProfileRequest.newBuilder().setId(user.getId()).setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)));
	}

	private static List<String> fields(ApiError error) {
		return error.violations().stream().map(FieldViolation::field).toList();
	}

	@Nested
	class GettingAUser {

		@Test
		void showsAnonymousCallersOnlyThePublicProfile() {
			User ada = signUp("Ada");
			as(ada, Scopes.USERS_WRITE).updateProfile(update(ada, "speaker_profile").setSpeakerProfile(speakerProfile()).build());

			User seen = users.getUser(get(ada.getId()));

			assertThat(seen.getId()).isEqualTo(ada.getId());
			assertThat(seen.getDisplayName()).isEqualTo("Ada");
			assertThat(seen.getStatus()).isEqualTo(UserStatus.ACTIVE);
			assertThat(seen.getSpeakerProfile()).isEqualTo(speakerProfile());
			assertThat(seen.getEmail()).isEmpty();
			assertThat(seen.getRolesList()).isEmpty();
			assertThat(seen.hasPreferences()).isFalse();
		}

		@Test
		void showsOtherSignedInUsersOnlyThePublicProfile() {
			User ada = signUp("Ada");
			User bob = signUp("Bob");

			User seen = as(bob, Scopes.USERS_READ).getUser(get(ada.getId()));

			assertThat(seen.getDisplayName()).isEqualTo("Ada");
			assertThat(seen.getEmail()).isEmpty();
			assertThat(seen.getRolesList()).isEmpty();
		}

		@Test
		void showsUsersEverythingAboutThemselves() {
			User ada = signUp("Ada");

			User seen = as(ada, Scopes.USERS_READ).getUser(get(ada.getId()));

			assertThat(seen).isEqualTo(ada);
			assertThat(seen.getEmail()).startsWith("ada-");
			assertThat(seen.getRolesList()).containsExactly(Role.ATTENDEE);
			assertThat(seen.hasPreferences()).isTrue();
		}

		@Test
		void showsAdministratorsEverythingAboutAnyone() {
			User ada = signUp("Ada");

			User seen = asAdmin().getUser(get(ada.getId()));

			assertThat(seen).isEqualTo(ada);
		}

		@Test
		void resolvesMeToTheCaller() {
			User ada = signUp("Ada");

			User seen = as(ada, Scopes.USERS_READ).getUser(get("me"));

			assertThat(seen).isEqualTo(ada);
		}

		@Test
		void refusesMeToAnonymousCallersAndToClientsActingForNoUser() {
			String client = tokens.client("partner", null, Set.of(), Scopes.USERS_READ);

			StatusRuntimeException anonymous = failureOf(() -> users.getUser(get("me")));
			StatusRuntimeException noUser = failureOf(() -> bearer(users, client).getUser(get("me")));

			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
			assertRefused(noUser, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void refusesSignedInCallersWithoutTheReadScope() {
			User ada = signUp("Ada");

			StatusRuntimeException failure = failureOf(() -> as(ada, Scopes.EVENTS_READ).getUser(get(ada.getId())));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void answersNotFoundForAnUnknownId() {
			StatusRuntimeException failure = failureOf(() -> users.getUser(get(UUID.randomUUID().toString())));

			assertRefused(failure, Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "id");
		}

		@Test
		void refusesAMalformedId() {
			StatusRuntimeException failure = failureOf(() -> users.getUser(get("not-a-uuid")));

			assertInvalid(failure, "id");
		}

	}

	@Nested
	class GettingManyUsers {

		@Test
		void returnsTheUsersThatExistEachAsMuchAsTheCallerMaySee() {
			User ada = signUp("Ada");
			User bob = signUp("Bob");

			List<User> found = as(ada, Scopes.USERS_READ).batchGetUsers(BatchGetUsersRequest.newBuilder()
				.addIds(ada.getId())
				.addIds(bob.getId())
				.addIds(UUID.randomUUID().toString())
				.build()).getUsersList();

			assertThat(found).extracting(User::getId).containsExactlyInAnyOrder(ada.getId(), bob.getId());
			assertThat(found).filteredOn(u -> u.getId().equals(ada.getId())).singleElement().isEqualTo(ada);
			assertThat(found).filteredOn(u -> u.getId().equals(bob.getId()))
				.singleElement()
				.satisfies(u -> assertThat(u.getEmail()).isEmpty());
		}

		@Test
		void refusesMoreThanOneHundredIds() {
			BatchGetUsersRequest.Builder request = BatchGetUsersRequest.newBuilder();
			Stream.generate(() -> UUID.randomUUID().toString()).limit(101).forEach(request::addIds);

			StatusRuntimeException failure = failureOf(() -> users.batchGetUsers(request.build()));

			assertInvalid(failure, "ids");
		}

		@Test
		void refusesMalformedIds() {
			StatusRuntimeException failure = failureOf(
					() -> users.batchGetUsers(BatchGetUsersRequest.newBuilder().addIds("nope").build()));

			assertInvalid(failure, "ids");
		}

		@Test
		void refusesSignedInCallersWithoutTheReadScope() {
			User ada = signUp("Ada");

			StatusRuntimeException failure = failureOf(() -> as(ada, Scopes.EVENTS_READ)
				.batchGetUsers(BatchGetUsersRequest.newBuilder().addIds(ada.getId()).build()));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

	}

	@Nested
	class ListingUsers {

		private final String marker = "mark" + UUID.randomUUID().toString().substring(0, 8);

		private ListUsersRequest.Builder query(String query) {
			return ListUsersRequest.newBuilder().setQuery(query);
		}

		@Test
		void listsTheUsersWhoseNameContainsTheQueryByDisplayName() {
			UserServiceBlockingStub admin = asAdmin();
			signUp("Zoe " + marker);
			signUp("Amy " + marker);
			signUp("Max " + marker);

			ListUsersResponse page = admin.listUsers(query(marker.toUpperCase()).build());

			assertThat(page.getUsersList()).extracting(User::getDisplayName)
				.containsExactly("Amy " + marker, "Max " + marker, "Zoe " + marker);
			assertThat(page.getUsers(0).getEmail()).isNotEmpty();
		}

		@Test
		void matchesTheQueryAgainstTheEmailAddress() {
			UserServiceBlockingStub admin = asAdmin();
			User nobody = users.signUp(SignUpRequest.newBuilder()
				.setEmail(marker + "@example.test")
				.setPassword(TestUsers.PASSWORD)
				.setDisplayName("Nobody")
				.build());

			ListUsersResponse page = admin.listUsers(query(marker.toUpperCase() + "@EXAMPLE").build());

			assertThat(page.getUsersList()).extracting(User::getId).containsExactly(nobody.getId());
		}

		@Test
		void takesWildcardsInTheQueryLiterally() {
			UserServiceBlockingStub admin = asAdmin();
			signUp("Amy " + marker);

			ListUsersResponse page = admin.listUsers(query(marker + "%").build());

			assertThat(page.getUsersList()).isEmpty();
		}

		@Test
		void filtersByRole() {
			UserServiceBlockingStub admin = asAdmin();
			User organizer = signUp("Olga " + marker);
			signUp("Amy " + marker);
			TestUsers.grant(db, organizer.getId(), Role.ORGANIZER, Role.SPEAKER);

			ListUsersResponse page = admin.listUsers(query(marker).setRole(Role.ORGANIZER).build());

			assertThat(page.getUsersList()).extracting(User::getId).containsExactly(organizer.getId());
		}

		@Test
		void pagesWithTokensAndOffsets() {
			UserServiceBlockingStub admin = asAdmin();
			signUp("Amy " + marker);
			signUp("Bea " + marker);
			signUp("Cid " + marker);

			ListUsersResponse first = admin.listUsers(query(marker)
				.setPage(PageRequest.newBuilder().setPageSize(2).setIncludeTotalSize(true))
				.build());
			ListUsersResponse second = admin.listUsers(query(marker)
				.setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(first.getPageInfo().getNextPageToken()))
				.build());
			ListUsersResponse byOffset = admin.listUsers(query(marker)
				.setPage(PageRequest.newBuilder().setPageSize(2).setOffset(1))
				.build());

			assertThat(first.getUsersList()).extracting(User::getDisplayName).containsExactly("Amy " + marker, "Bea " + marker);
			assertThat(first.getPageInfo().getHasNextPage()).isTrue();
			assertThat(first.getPageInfo().getTotalSize()).isEqualTo(3);
			assertThat(second.getUsersList()).extracting(User::getDisplayName).containsExactly("Cid " + marker);
			assertThat(second.getPageInfo().getHasNextPage()).isFalse();
			assertThat(second.getPageInfo().getHasPreviousPage()).isTrue();
			assertThat(byOffset.getUsersList()).extracting(User::getDisplayName).containsExactly("Bea " + marker, "Cid " + marker);
		}

		@Test
		void refusesCallersWhoAreNotAdministrators() {
			User ada = signUp("Ada");
			String adminRoleWithoutAdminScope = tokens.user(UUID.fromString(ada.getId()), TestUsers.names(Role.ADMIN),
					Scopes.USERS_READ);

			StatusRuntimeException attendee = failureOf(() -> as(ada, Scopes.USERS_READ, Scopes.ADMIN).listUsers(query("").build()));
			StatusRuntimeException withoutScope = failureOf(() -> bearer(users, adminRoleWithoutAdminScope).listUsers(query("").build()));
			StatusRuntimeException anonymous = failureOf(() -> users.listUsers(query("").build()));

			assertRefused(attendee, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(withoutScope, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
		}

	}

	@Nested
	class SigningUp {

		private SignUpRequest.Builder request(String email) {
			return SignUpRequest.newBuilder().setEmail(email).setPassword(TestUsers.PASSWORD).setDisplayName("Ada");
		}

		@Test
		void createsAnActiveAttendeeWithAnUnverifiedAddressAndAnArgon2Hash() {
			String email = TestUsers.uniqueEmail("ada");

			User ada = users.signUp(request("  " + email + " ").setDisplayName("  Ada Lovelace ")
				.setPreferences(Preferences.newBuilder()
					.setLanguage("en-gb")
					.setTimeZone("Europe/London")
					.addChannels(Channel.EMAIL)
					.addChannels(Channel.PUSH)
					.addChannels(Channel.EMAIL))
				.build());

			assertThat(ada.getEmail()).isEqualTo(email);
			assertThat(ada.getDisplayName()).isEqualTo("Ada Lovelace");
			assertThat(ada.getRolesList()).containsExactly(Role.ATTENDEE);
			assertThat(ada.getStatus()).isEqualTo(UserStatus.ACTIVE);
			assertThat(ada.getEmailVerified()).isFalse();
			assertThat(ada.getVersion()).isEqualTo(1);
			assertThat(ada.getPreferences()).isEqualTo(Preferences.newBuilder()
				.setLanguage("en-GB")
				.setTimeZone("Europe/London")
				.addChannels(Channel.EMAIL)
				.addChannels(Channel.PUSH)
				.build());
			assertThat(db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(UUID.fromString(ada.getId())))
				.fetchSingle(APP_USER.PASSWORD_HASH)).startsWith("$argon2id$");
		}

		@Test
		void refusesAnAddressThatIsTakenWhateverItsCase() {
			String email = TestUsers.uniqueEmail("ada");
			users.signUp(request(email).build());

			StatusRuntimeException failure = failureOf(() -> users.signUp(request(email.toUpperCase()).build()));

			assertRefused(failure, Status.Code.ALREADY_EXISTS, ErrorCode.CONFLICT, "email");
		}

		@Test
		void givesAnAddressToOnlyOneOfConcurrentSignUps() throws Exception {
			String email = TestUsers.uniqueEmail("race");
			int attempts = 4;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(attempts);
			List<Future<Throwable>> outcomes = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				outcomes.add(pool.submit(() -> {
					start.await();
					return catchThrowable(() -> users.signUp(request(email).build()));
				}));
			}

			start.countDown();
			List<Throwable> failures = new ArrayList<>();
			for (Future<Throwable> outcome : outcomes) {
				failures.add(outcome.get(60, TimeUnit.SECONDS));
			}
			pool.shutdown();

			assertThat(failures).filteredOn(f -> f == null).hasSize(1);
			assertThat(failures).filteredOn(f -> f != null)
				.hasSize(attempts - 1)
				.allSatisfy(f -> assertRefused((StatusRuntimeException) f, Status.Code.ALREADY_EXISTS, ErrorCode.CONFLICT, "email"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "   ", "no-at-sign.example.test", "two@@example.test", "ada@localhost",
				"spaces in@example.test", "ada@-example.test" })
		void refusesAddressesThatAreNotValid(String email) {
			StatusRuntimeException failure = failureOf(() -> users.signUp(request(email).build()));

			assertInvalid(failure, "email");
		}

		@Test
		void refusesAddressesLongerThan320Characters() {
			String email = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
					+ "e".repeat(60) + "." + "f".repeat(60) + ".test";

			StatusRuntimeException failure = failureOf(() -> users.signUp(request(email).build()));

			assertThat(email).hasSizeGreaterThan(320);
			assertInvalid(failure, "email");
		}

		@Test
		void acceptsPasswordsOfTwelveToOneHundredTwentyEightCharacters() {
			User shortest = users.signUp(request(TestUsers.uniqueEmail("short")).setPassword("x".repeat(12)).build());
			User longest = users.signUp(request(TestUsers.uniqueEmail("long")).setPassword("x".repeat(128)).build());

			assertThat(List.of(shortest, longest)).allSatisfy(u -> assertThat(u.getId()).isNotEmpty());
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, 11, 129 })
		void refusesPasswordsOfOtherLengths(int length) {
			StatusRuntimeException failure = failureOf(
					() -> users.signUp(request(TestUsers.uniqueEmail("ada")).setPassword("x".repeat(length)).build()));

			assertInvalid(failure, "password");
		}

		@Test
		void refusesBlankAndOverlongDisplayNames() {
			StatusRuntimeException blank = failureOf(
					() -> users.signUp(request(TestUsers.uniqueEmail("ada")).setDisplayName("   ").build()));
			StatusRuntimeException overlong = failureOf(
					() -> users.signUp(request(TestUsers.uniqueEmail("ada")).setDisplayName("x".repeat(201)).build()));

			assertInvalid(blank, "displayName");
			assertInvalid(overlong, "displayName");
		}

		@Test
		void refusesPreferencesThatAreNotValid() {
			Preferences preferences = Preferences.newBuilder()
				.setLanguage("de_DE")
				.setTimeZone("Mars/Olympus_Mons")
				.addChannels(Channel.CHANNEL_UNSPECIFIED)
				.build();

			StatusRuntimeException failure = failureOf(
					() -> users.signUp(request(TestUsers.uniqueEmail("ada")).setPreferences(preferences).build()));

			assertThat(fields(assertInvalid(failure, "preferences.language"))).containsExactly("preferences.language",
					"preferences.timeZone", "preferences.channels");
		}

		@Test
		void refusesTheUndeterminedLanguage() {
			Preferences preferences = Preferences.newBuilder().setLanguage("und").build();

			StatusRuntimeException failure = failureOf(
					() -> users.signUp(request(TestUsers.uniqueEmail("ada")).setPreferences(preferences).build()));

			assertInvalid(failure, "preferences.language");
		}

		@Test
		void reportsEveryInvalidFieldAtOnce() {
			StatusRuntimeException failure = failureOf(
					() -> users.signUp(SignUpRequest.newBuilder().setEmail("nope").setPassword("short").build()));

			assertThat(fields(assertInvalid(failure, "email"))).containsExactly("email", "password", "displayName");
		}

	}

	@Nested
	class UpdatingAProfile {

		@Test
		void changesOnlyTheFieldsTheMaskNamesAndMovesTheVersionOn() {
			User ada = signUp("Ada");

			User updated = as(ada, Scopes.USERS_WRITE).updateProfile(update(ada, "display_name")
				.setDisplayName("  Ada King ")
				.setPreferences(Preferences.newBuilder().setTimeZone("Europe/Paris"))
				.setExpectedVersion(1)
				.build());

			assertThat(updated.getDisplayName()).isEqualTo("Ada King");
			assertThat(updated.getPreferences()).isEqualTo(ada.getPreferences());
			assertThat(updated.getVersion()).isEqualTo(2);
			assertThat(users.getUser(get(ada.getId())).getDisplayName()).isEqualTo("Ada King");
		}

		@Test
		void acceptsCamelCasePathsAndSetsThenClearsTheSpeakerProfile() {
			User ada = signUp("Ada");
			UserServiceBlockingStub stub = as(ada, Scopes.USERS_WRITE);

			User withProfile = stub.updateProfile(update(ada, "speakerProfile", "preferences")
				.setSpeakerProfile(speakerProfile())
				.setPreferences(Preferences.newBuilder().setLanguage("de-DE").setTimeZone("Europe/Berlin"))
				.build());
			User withoutProfile = stub.updateProfile(update(ada, "speakerProfile").build());

			assertThat(withProfile.getSpeakerProfile()).isEqualTo(speakerProfile());
			assertThat(withProfile.getPreferences().getTimeZone()).isEqualTo("Europe/Berlin");
			assertThat(withoutProfile.hasSpeakerProfile()).isFalse();
			assertThat(withoutProfile.getVersion()).isEqualTo(3);
		}

		@Test
		void keepsTheVersionWhenNothingChanges() {
			User ada = signUp("Ada");

			User same = as(ada, Scopes.USERS_WRITE).updateProfile(update(ada, "display_name").setDisplayName("Ada").build());

			assertThat(same).isEqualTo(ada);
		}

		@Test
		void refusesAStaleExpectedVersion() {
			User ada = signUp("Ada");
			UserServiceBlockingStub stub = as(ada, Scopes.USERS_WRITE);
			stub.updateProfile(update(ada, "display_name").setDisplayName("Ada King").build());

			StatusRuntimeException failure = failureOf(
					() -> stub.updateProfile(update(ada, "display_name").setDisplayName("Ada L.").setExpectedVersion(1).build()));

			assertRefused(failure, Status.Code.ABORTED, ErrorCode.PRECONDITION_FAILED, "version");
		}

		@Test
		void letsAdministratorsChangeAnyonesProfile() {
			User ada = signUp("Ada");

			User updated = asAdmin().updateProfile(update(ada, "display_name").setDisplayName("Countess").build());

			assertThat(updated.getDisplayName()).isEqualTo("Countess");
		}

		@Test
		void refusesChangesToSomeoneElsesProfile() {
			User ada = signUp("Ada");
			User bob = signUp("Bob");

			StatusRuntimeException failure = failureOf(() -> as(bob, Scopes.USERS_WRITE)
				.updateProfile(update(ada, "display_name").setDisplayName("Hacked").build()));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void refusesCallersWithoutTheWriteScope() {
			User ada = signUp("Ada");

			StatusRuntimeException readOnly = failureOf(() -> as(ada, Scopes.USERS_READ)
				.updateProfile(update(ada, "display_name").setDisplayName("Ada King").build()));
			StatusRuntimeException anonymous = failureOf(
					() -> users.updateProfile(update(ada, "display_name").setDisplayName("Ada King").build()));

			assertRefused(readOnly, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
		}

		@Test
		void refusesAnEmptyMaskAndPathsThatAreNotProfileFields() {
			User ada = signUp("Ada");
			UserServiceBlockingStub stub = as(ada, Scopes.USERS_WRITE);

			StatusRuntimeException empty = failureOf(() -> stub.updateProfile(update(ada).setDisplayName("X").build()));
			StatusRuntimeException email = failureOf(() -> stub.updateProfile(update(ada, "email").build()));

			assertInvalid(empty, "updateMask");
			assertInvalid(email, "updateMask");
		}

		@Test
		void answersNotFoundForAnUnknownUser() {
			StatusRuntimeException failure = failureOf(() -> asAdmin().updateProfile(UpdateProfileRequest.newBuilder()
				.setId(UUID.randomUUID().toString())
				.setUpdateMask(FieldMask.newBuilder().addPaths("display_name"))
				.setDisplayName("Ghost")
				.build()));

			assertRefused(failure, Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "id");
		}

		@Test
		void acceptsASpeakerProfileAtItsLimits() {
			User ada = signUp("Ada");
			SpeakerProfile.Builder profile = SpeakerProfile.newBuilder().setBio("b".repeat(5000));
			for (int i = 0; i < 10; i++) {
				profile.addLinks(ProfileLink.newBuilder().setLabel("l".repeat(100)).setUrl("https://example.test/" + i));
			}
			for (int i = 0; i < 20; i++) {
				profile.addTopics(String.format("%02d", i) + "t".repeat(48));
			}

			User updated = as(ada, Scopes.USERS_WRITE).updateProfile(update(ada, "speaker_profile").setSpeakerProfile(profile).build());

			assertThat(updated.getSpeakerProfile()).isEqualTo(profile.build());
		}

		@Test
		void refusesASpeakerProfileBeyondItsRules() {
			User ada = signUp("Ada");
			SpeakerProfile.Builder profile = SpeakerProfile.newBuilder()
				.setBio("b".repeat(5001))
				.setPhotoUrl("http://photos.example.test/ada.jpg")
				.addLinks(ProfileLink.newBuilder().setLabel(" ").setUrl("https://example.test"))
				.addLinks(ProfileLink.newBuilder().setLabel("FTP").setUrl("ftp://example.test"))
				.addLinks(ProfileLink.newBuilder().setLabel("l".repeat(101)).setUrl("/relative"));
			for (int i = 0; i < 8; i++) {
				profile.addLinks(ProfileLink.newBuilder().setLabel("Link").setUrl("https://example.test/" + i));
			}
			profile.addTopics("").addTopics("t".repeat(51));
			for (int i = 0; i < 19; i++) {
				profile.addTopics("Topic " + i);
			}

			StatusRuntimeException failure = failureOf(() -> as(ada, Scopes.USERS_WRITE)
				.updateProfile(update(ada, "speaker_profile").setSpeakerProfile(profile).build()));

			assertThat(fields(assertInvalid(failure, "speakerProfile.bio"))).containsExactly("speakerProfile.bio",
					"speakerProfile.photoUrl", "speakerProfile.links", "speakerProfile.links[0].label",
					"speakerProfile.links[1].url", "speakerProfile.links[2].label", "speakerProfile.links[2].url",
					"speakerProfile.topics", "speakerProfile.topics[0]", "speakerProfile.topics[1]");
		}

	}

}
