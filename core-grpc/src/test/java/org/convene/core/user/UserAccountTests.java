package org.convene.core.user;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.v1.proto.ChangePasswordRequest;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.LinkExternalIdentityRequest;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SetRolesRequest;
import org.convene.core.v1.proto.SetUserStatusRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.core.v1.proto.UserStatus;
import org.convene.core.v1.proto.VerifyPasswordRequest;
import org.convene.core.v1.proto.VerifyPasswordResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.EXTERNAL_IDENTITY;

/** Passwords, the gateway's sign-in checks, external identities, roles and account status. */
class UserAccountTests extends CoreIntegrationTest {

	private static final VerifyPasswordResponse INVALID = VerifyPasswordResponse.newBuilder().setValid(false).build();

	private User signUp(String name) {
		return TestUsers.signUp(this.users, name);
	}

	private UserServiceBlockingStub as(User user, String... scopes) {
		return bearer(this.users, this.tokens.user(UUID.fromString(user.getId()), TestUsers.names(Role.ATTENDEE), scopes));
	}

	/** The gateway, with its internal credentials. */
	private UserServiceBlockingStub internal() {
		return bearer(this.users, this.tokens.client("gateway", null, Set.of(), Scopes.INTERNAL));
	}

	private User newAdmin() {
		User admin = signUp("Admin");
		TestUsers.grant(this.db, admin.getId(), Role.ADMIN);
		return admin;
	}

	private UserServiceBlockingStub asAdmin(User admin) {
		return bearer(this.users, this.tokens.user(UUID.fromString(admin.getId()), TestUsers.names(Role.ADMIN), Scopes.ADMIN,
				Scopes.USERS_READ, Scopes.USERS_WRITE));
	}

	private VerifyPasswordResponse verify(String email, String password) {
		return internal().verifyPassword(VerifyPasswordRequest.newBuilder().setEmail(email).setPassword(password).build());
	}

	private static LinkExternalIdentityRequest.Builder identity(String subject, String email) {
		return LinkExternalIdentityRequest.newBuilder()
			.setProvider("https://accounts.google.com")
			.setSubject(subject)
			.setEmail(email)
			.setEmailVerified(true)
			.setDisplayName("Grace Hopper");
	}

	@Nested
	class ChangingThePassword {

		@Test
		void replacesThePasswordAfterCheckingTheCurrentOne() {
			User ada = signUp("Ada");

			as(ada, Scopes.USERS_WRITE).changePassword(ChangePasswordRequest.newBuilder()
				.setCurrentPassword(TestUsers.PASSWORD)
				.setNewPassword("a much better passphrase")
				.build());

			assertThat(verify(ada.getEmail(), TestUsers.PASSWORD)).isEqualTo(INVALID);
			assertThat(verify(ada.getEmail(), "a much better passphrase").getValid()).isTrue();
		}

		@Test
		void refusesAWrongCurrentPassword() {
			User ada = signUp("Ada");

			StatusRuntimeException failure = failureOf(() -> as(ada, Scopes.USERS_WRITE)
				.changePassword(ChangePasswordRequest.newBuilder()
					.setCurrentPassword("not my password")
					.setNewPassword("a much better passphrase")
					.build()));

			assertInvalid(failure, "currentPassword");
			assertThat(verify(ada.getEmail(), TestUsers.PASSWORD).getValid()).isTrue();
		}

		@Test
		void refusesANewPasswordOfTheWrongLength() {
			User ada = signUp("Ada");

			StatusRuntimeException failure = failureOf(() -> as(ada, Scopes.USERS_WRITE).changePassword(
					ChangePasswordRequest.newBuilder().setCurrentPassword(TestUsers.PASSWORD).setNewPassword("too short").build()));

			assertInvalid(failure, "newPassword");
		}

		@Test
		void refusesCallersWithoutTheWriteScopeOrAUser() {
			User ada = signUp("Ada");
			ChangePasswordRequest request = ChangePasswordRequest.newBuilder()
				.setCurrentPassword(TestUsers.PASSWORD)
				.setNewPassword("a much better passphrase")
				.build();
			String client = tokens.client("partner", null, Set.of(), Scopes.USERS_WRITE);

			StatusRuntimeException readOnly = failureOf(() -> as(ada, Scopes.USERS_READ).changePassword(request));
			StatusRuntimeException noUser = failureOf(() -> bearer(users, client).changePassword(request));
			StatusRuntimeException anonymous = failureOf(() -> users.changePassword(request));

			assertRefused(readOnly, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(noUser, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
		}

	}

	@Nested
	class VerifyingAPassword {

		@Test
		void answersValidWithTheFullUserForTheRightPasswordWhateverTheAddressCase() {
			User ada = signUp("Ada");

			VerifyPasswordResponse response = verify(" " + ada.getEmail().toUpperCase() + " ", TestUsers.PASSWORD);

			assertThat(response.getValid()).isTrue();
			assertThat(response.getUser()).isEqualTo(ada);
		}

		@Test
		void answersInvalidAlikeForAWrongPasswordAnUnknownAddressADisabledUserAndAUserWithoutPassword() {
			User ada = signUp("Ada");
			User disabled = signUp("Dora");
			db.update(APP_USER).set(APP_USER.STATUS, "DISABLED").where(APP_USER.ID.eq(UUID.fromString(disabled.getId()))).execute();
			String external = TestUsers.uniqueEmail("grace");
			internal().linkExternalIdentity(identity(UUID.randomUUID().toString(), external).build());

			VerifyPasswordResponse wrongPassword = verify(ada.getEmail(), "not the password at all");
			VerifyPasswordResponse unknownAddress = verify(TestUsers.uniqueEmail("nobody"), TestUsers.PASSWORD);
			VerifyPasswordResponse disabledUser = verify(disabled.getEmail(), TestUsers.PASSWORD);
			VerifyPasswordResponse withoutPassword = verify(external, TestUsers.PASSWORD);
			VerifyPasswordResponse empty = verify("", "");

			assertThat(wrongPassword).isEqualTo(INVALID);
			assertThat(unknownAddress).isEqualTo(INVALID);
			assertThat(disabledUser).isEqualTo(INVALID);
			assertThat(withoutPassword).isEqualTo(INVALID);
			assertThat(empty).isEqualTo(INVALID);
		}

		@Test
		void isOnlyForCallersWithTheInternalScope() {
			User admin = newAdmin();
			VerifyPasswordRequest request = VerifyPasswordRequest.newBuilder()
				.setEmail(admin.getEmail())
				.setPassword(TestUsers.PASSWORD)
				.build();

			StatusRuntimeException anonymous = failureOf(() -> users.verifyPassword(request));
			StatusRuntimeException administrator = failureOf(() -> asAdmin(admin).verifyPassword(request));

			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
			assertRefused(administrator, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

	}

	@Nested
	class LinkingAnExternalIdentity {

		@Test
		void createsAVerifiedAttendeeWithoutPasswordForANewIdentity() {
			String email = TestUsers.uniqueEmail("grace");
			String subject = UUID.randomUUID().toString();

			User grace = internal().linkExternalIdentity(identity(subject, email).build());

			assertThat(grace.getEmail()).isEqualTo(email);
			assertThat(grace.getDisplayName()).isEqualTo("Grace Hopper");
			assertThat(grace.getEmailVerified()).isTrue();
			assertThat(grace.getRolesList()).containsExactly(Role.ATTENDEE);
			assertThat(grace.getStatus()).isEqualTo(UserStatus.ACTIVE);
			assertThat(db.fetchValue(APP_USER.PASSWORD_HASH, APP_USER.ID.eq(UUID.fromString(grace.getId())))).isNull();
			assertThat(db.fetchValue(EXTERNAL_IDENTITY.USER_ID, EXTERNAL_IDENTITY.SUBJECT.eq(subject)))
				.isEqualTo(UUID.fromString(grace.getId()));
		}

		@Test
		void returnsTheLinkedUserWhenTheIdentityIsKnown() {
			String subject = UUID.randomUUID().toString();
			User first = internal().linkExternalIdentity(identity(subject, TestUsers.uniqueEmail("grace")).build());

			User again = internal().linkExternalIdentity(identity(subject, TestUsers.uniqueEmail("renamed")).build());

			assertThat(again).isEqualTo(first);
		}

		@Test
		void linksTheUserWithTheSameAddressWhateverItsCaseMarksItVerifiedAndDropsTheUnprovenPassword() {
			User ada = signUp("Ada");
			String subject = UUID.randomUUID().toString();

			User linked = internal().linkExternalIdentity(identity(subject, ada.getEmail().toUpperCase()).build());

			assertThat(linked.getId()).isEqualTo(ada.getId());
			assertThat(linked.getEmail()).isEqualTo(ada.getEmail());
			assertThat(linked.getEmailVerified()).isTrue();
			assertThat(linked.getVersion()).isEqualTo(ada.getVersion() + 1);
			assertThat(verify(ada.getEmail(), TestUsers.PASSWORD).getValid()).isFalse();
			assertThat(db.fetchValue(EXTERNAL_IDENTITY.USER_ID, EXTERNAL_IDENTITY.SUBJECT.eq(subject)))
				.isEqualTo(UUID.fromString(ada.getId()));
		}

		@Test
		void namesANewUserAfterTheAddressWhenTheProviderGivesNoName() {
			String email = "grace.h-" + UUID.randomUUID() + "@example.test";

			User grace = internal().linkExternalIdentity(identity(UUID.randomUUID().toString(), email).setDisplayName(" ").build());

			assertThat(grace.getDisplayName()).isEqualTo(email.substring(0, email.indexOf('@')));
		}

		@Test
		void refusesAnAddressTheProviderDidNotVerify() {
			String email = TestUsers.uniqueEmail("grace");

			StatusRuntimeException failure = failureOf(() -> internal()
				.linkExternalIdentity(identity(UUID.randomUUID().toString(), email).setEmailVerified(false).build()));

			assertInvalid(failure, "emailVerified");
			assertThat(db.fetchExists(APP_USER, APP_USER.EMAIL.eq(email))).isFalse();
		}

		@Test
		void refusesAMissingProviderSubjectOrAddress() {
			StatusRuntimeException failure = failureOf(
					() -> internal().linkExternalIdentity(LinkExternalIdentityRequest.newBuilder().setEmailVerified(true).build()));

			assertThat(assertInvalid(failure, "provider").violations()).extracting(v -> v.field())
				.containsExactly("provider", "subject", "email");
		}

		@Test
		void isOnlyForCallersWithTheInternalScope() {
			User admin = newAdmin();
			LinkExternalIdentityRequest request = identity(UUID.randomUUID().toString(), TestUsers.uniqueEmail("grace")).build();

			StatusRuntimeException anonymous = failureOf(() -> users.linkExternalIdentity(request));
			StatusRuntimeException administrator = failureOf(() -> asAdmin(admin).linkExternalIdentity(request));

			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
			assertRefused(administrator, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

	}

	@Nested
	class SettingRoles {

		private SetRolesRequest roles(User user, Role... roles) {
			return SetRolesRequest.newBuilder().setId(user.getId()).addAllRoles(List.of(roles)).build();
		}

		@Test
		void replacesTheRolesInTheirDocumentedOrder() {
			User ada = signUp("Ada");

			User updated = asAdmin(newAdmin()).setRoles(roles(ada, Role.SPEAKER, Role.ORGANIZER));

			assertThat(updated.getRolesList()).containsExactly(Role.ORGANIZER, Role.SPEAKER);
			assertThat(updated.getVersion()).isEqualTo(2);
			assertThat(as(ada, Scopes.USERS_READ).getUser(GetUserRequest.newBuilder().setId("me").build()).getRolesList())
				.containsExactly(Role.ORGANIZER, Role.SPEAKER);
		}

		@Test
		void refusesAnEmptyListAndUnknownRoles() {
			User ada = signUp("Ada");
			UserServiceBlockingStub admin = asAdmin(newAdmin());

			StatusRuntimeException empty = failureOf(() -> admin.setRoles(roles(ada)));
			StatusRuntimeException unknown = failureOf(() -> admin.setRoles(roles(ada, Role.ROLE_UNSPECIFIED)));

			assertInvalid(empty, "roles");
			assertInvalid(unknown, "roles");
		}

		@Test
		void keepsAdministratorsFromRemovingTheirOwnAdminRole() {
			User admin = newAdmin();

			StatusRuntimeException failure = failureOf(() -> asAdmin(admin).setRoles(roles(admin, Role.ORGANIZER)));

			assertInvalid(failure, "roles");
			assertThat(db.fetchValue(APP_USER.ROLES, APP_USER.ID.eq(UUID.fromString(admin.getId())))).containsExactly("ADMIN");
		}

		@Test
		void refusesCallersWhoAreNotAdministrators() {
			User ada = signUp("Ada");
			String organizer = tokens.user(UUID.fromString(ada.getId()), TestUsers.names(Role.ORGANIZER), Scopes.USERS_WRITE,
					Scopes.ADMIN);

			StatusRuntimeException failure = failureOf(() -> bearer(users, organizer).setRoles(roles(ada, Role.ADMIN)));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void answersNotFoundForAnUnknownUser() {
			StatusRuntimeException failure = failureOf(() -> asAdmin(newAdmin())
				.setRoles(SetRolesRequest.newBuilder().setId(UUID.randomUUID().toString()).addRoles(Role.SPEAKER).build()));

			assertRefused(failure, Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "id");
		}

	}

	@Nested
	class SettingTheStatus {

		private SetUserStatusRequest status(User user, UserStatus status) {
			return SetUserStatusRequest.newBuilder().setId(user.getId()).setStatus(status).build();
		}

		@Test
		void disablesAndEnablesAnAccount() {
			User ada = signUp("Ada");
			UserServiceBlockingStub admin = asAdmin(newAdmin());

			User disabled = admin.setUserStatus(status(ada, UserStatus.DISABLED));
			VerifyPasswordResponse whileDisabled = verify(ada.getEmail(), TestUsers.PASSWORD);
			User enabled = admin.setUserStatus(status(ada, UserStatus.ACTIVE));

			assertThat(disabled.getStatus()).isEqualTo(UserStatus.DISABLED);
			assertThat(whileDisabled).isEqualTo(INVALID);
			assertThat(enabled.getStatus()).isEqualTo(UserStatus.ACTIVE);
			assertThat(enabled.getVersion()).isEqualTo(3);
		}

		@Test
		void keepsAdministratorsFromDisablingThemselves() {
			User admin = newAdmin();

			StatusRuntimeException failure = failureOf(() -> asAdmin(admin).setUserStatus(status(admin, UserStatus.DISABLED)));

			assertInvalid(failure, "status");
		}

		@Test
		void refusesAnUnspecifiedStatus() {
			User ada = signUp("Ada");

			StatusRuntimeException failure = failureOf(
					() -> asAdmin(newAdmin()).setUserStatus(status(ada, UserStatus.USER_STATUS_UNSPECIFIED)));

			assertInvalid(failure, "status");
		}

		@Test
		void refusesCallersWhoAreNotAdministrators() {
			User ada = signUp("Ada");
			User bob = signUp("Bob");

			StatusRuntimeException failure = failureOf(
					() -> as(bob, Scopes.USERS_WRITE, Scopes.ADMIN).setUserStatus(status(ada, UserStatus.DISABLED)));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

	}

}
