package org.convene.core.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.ApiKeyAuthenticator;
import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.user.TestUsers;
import org.convene.core.v1.proto.ApiKey;
import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.ApiKeyServiceGrpc.ApiKeyServiceBlockingStub;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.CreatedApiKey;
import org.convene.core.v1.proto.ListApiKeysRequest;
import org.convene.core.v1.proto.RevokeApiKeyRequest;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.User;
import org.convene.grpc.ProtoTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.API_KEY;

/** Creating, listing and revoking keys through {@code ApiKeyService}. */
class ApiKeyServiceTests extends CoreIntegrationTest {

	private static final String[] ORGANIZER_SCOPES = { Scopes.EVENTS_READ, Scopes.EVENTS_WRITE, Scopes.USERS_READ };

	private ApiKeyServiceBlockingStub keys() {
		return ApiKeyServiceGrpc.newBlockingStub(this.channel);
	}

	/** A new user holding the roles. */
	private User user(String name, Role... roles) {
		User user = TestUsers.signUp(this.users, name);
		TestUsers.grant(this.db, user.getId(), roles);
		return user;
	}

	/** The stub, calling with a signed-in user's token carrying the roles and scopes. */
	private ApiKeyServiceBlockingStub as(User user, Set<String> roles, String... scopes) {
		return bearer(keys(), this.tokens.user(UUID.fromString(user.getId()), roles, scopes));
	}

	private ApiKeyServiceBlockingStub asOrganizer(User organizer) {
		return as(organizer, TestUsers.names(Role.ORGANIZER), ORGANIZER_SCOPES);
	}

	private ApiKeyServiceBlockingStub asAdmin(User admin) {
		return as(admin, TestUsers.names(Role.ADMIN), Scopes.ADMIN, Scopes.EVENTS_READ, Scopes.USERS_READ);
	}

	private static CreateApiKeyRequest.Builder request(String name, String... scopes) {
		return CreateApiKeyRequest.newBuilder().setName(name).addAllScopes(List.of(scopes));
	}

	@Nested
	class Creating {

		@Test
		void returnsTheSecretOnceAndStoresOnlyItsHash() {
			User olga = user("Olga", Role.ORGANIZER);

			CreatedApiKey created = asOrganizer(olga).createApiKey(request("  Ticket sync ", Scopes.EVENTS_READ).build());

			ApiKey key = created.getKey();
			assertThat(created.getSecret()).startsWith(ApiKeyAuthenticator.PREFIX).hasSize(47).matches("cvk_[A-Za-z0-9_-]{43}");
			assertThat(key.getPrefix()).isEqualTo(created.getSecret().substring(0, 12));
			assertThat(key.getName()).isEqualTo("Ticket sync");
			assertThat(key.getOwnerId()).isEqualTo(olga.getId());
			assertThat(key.getScopesList()).containsExactly(Scopes.EVENTS_READ);
			assertThat(key.hasExpiresAt()).isFalse();
			assertThat(key.hasRevokedAt()).isFalse();
			assertThat(db.fetchValue(API_KEY.SECRET_HASH, API_KEY.ID.eq(UUID.fromString(key.getId()))))
				.isEqualTo(ApiKeyAuthenticator.hash(created.getSecret()));
		}

		@Test
		void givesEveryKeyADifferentSecret() {
			ApiKeyServiceBlockingStub organizer = asOrganizer(user("Olga", Role.ORGANIZER));

			String first = organizer.createApiKey(request("One", Scopes.EVENTS_READ).build()).getSecret();
			String second = organizer.createApiKey(request("Two", Scopes.EVENTS_READ).build()).getSecret();

			assertThat(first).isNotEqualTo(second);
		}

		@Test
		void keepsAnExpiryInTheFuture() {
			Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

			ApiKey key = asOrganizer(user("Olga", Role.ORGANIZER))
				.createApiKey(request("Expiring", Scopes.EVENTS_READ).setExpiresAt(ProtoTime.of(expiry)).build())
				.getKey();

			assertThat(ProtoTime.toInstant(key.getExpiresAt())).isEqualTo(expiry);
		}

		@Test
		void refusesAnExpiryInThePast() {
			Instant past = Instant.now().minus(1, ChronoUnit.MINUTES);

			StatusRuntimeException failure = failureOf(() -> asOrganizer(user("Olga", Role.ORGANIZER))
				.createApiKey(request("Expired", Scopes.EVENTS_READ).setExpiresAt(ProtoTime.of(past)).build()));

			assertInvalid(failure, "expiresAt");
		}

		@Test
		void refusesBlankAndOverlongNames() {
			ApiKeyServiceBlockingStub organizer = asOrganizer(user("Olga", Role.ORGANIZER));

			StatusRuntimeException blank = failureOf(() -> organizer.createApiKey(request(" ", Scopes.EVENTS_READ).build()));
			StatusRuntimeException overlong = failureOf(
					() -> organizer.createApiKey(request("n".repeat(201), Scopes.EVENTS_READ).build()));

			assertInvalid(blank, "name");
			assertInvalid(overlong, "name");
		}

		@Test
		void refusesMissingAndUnknownScopes() {
			ApiKeyServiceBlockingStub organizer = asOrganizer(user("Olga", Role.ORGANIZER));

			StatusRuntimeException none = failureOf(() -> organizer.createApiKey(request("None").build()));
			StatusRuntimeException unknown = failureOf(
					() -> organizer.createApiKey(request("Unknown", Scopes.EVENTS_READ, "everything").build()));
			StatusRuntimeException internal = failureOf(() -> organizer.createApiKey(request("Internal", Scopes.INTERNAL).build()));

			assertInvalid(none, "scopes");
			assertInvalid(unknown, "scopes[1]");
			assertInvalid(internal, "scopes[0]");
		}

		@Test
		void refusesScopesTheCallersTokenDoesNotHold() {
			User olga = user("Olga", Role.ORGANIZER);

			StatusRuntimeException failure = failureOf(
					() -> asOrganizer(olga).createApiKey(request("Payments", Scopes.EVENTS_READ, Scopes.PAYMENTS_WRITE).build()));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertThat(db.fetchExists(API_KEY, API_KEY.OWNER_ID.eq(UUID.fromString(olga.getId())))).isFalse();
		}

		@Test
		void grantsTheAdminScopeOnlyFromAnAdministrator() {
			User olga = user("Olga", Role.ORGANIZER);
			User admin = user("Admin", Role.ADMIN);

			StatusRuntimeException organizer = failureOf(() -> as(olga, TestUsers.names(Role.ORGANIZER), Scopes.ADMIN)
				.createApiKey(request("Admin", Scopes.ADMIN).build()));
			ApiKey key = asAdmin(admin).createApiKey(request("Admin", Scopes.ADMIN).build()).getKey();

			assertRefused(organizer, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertThat(key.getScopesList()).containsExactly(Scopes.ADMIN);
		}

		@Test
		void neverGivesTheAdminScopeToAKeyOfANonAdministrator() {
			User olga = user("Olga", Role.ORGANIZER);
			User admin = user("Admin", Role.ADMIN);

			StatusRuntimeException failure = failureOf(() -> asAdmin(admin)
				.createApiKey(request("For Olga", Scopes.ADMIN).setOwnerId(olga.getId()).build()));

			assertInvalid(failure, "scopes");
			assertThat(db.fetchExists(API_KEY, API_KEY.OWNER_ID.eq(UUID.fromString(olga.getId())))).isFalse();
		}

		@Test
		void refusesAttendees() {
			User ada = user("Ada", Role.ATTENDEE);

			StatusRuntimeException failure = failureOf(() -> as(ada, TestUsers.names(Role.ATTENDEE), ORGANIZER_SCOPES)
				.createApiKey(request("Mine", Scopes.EVENTS_READ).build()));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void acceptsOnlyASignedInUsersToken() {
			User olga = user("Olga", Role.ORGANIZER);
			String secret = asOrganizer(olga).createApiKey(request("Key", Scopes.EVENTS_READ).build()).getSecret();
			String client = tokens.client("partner", UUID.fromString(olga.getId()), TestUsers.names(Role.ORGANIZER),
					ORGANIZER_SCOPES);
			CreateApiKeyRequest another = request("Another", Scopes.EVENTS_READ).build();

			StatusRuntimeException anonymous = failureOf(() -> keys().createApiKey(another));
			StatusRuntimeException clientCredentials = failureOf(() -> bearer(keys(), client).createApiKey(another));
			StatusRuntimeException apiKey = failureOf(() -> apiKey(keys(), secret).createApiKey(another));

			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
			assertRefused(clientCredentials, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(apiKey, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void letsAdministratorsCreateKeysForOrganizers() {
			User olga = user("Olga", Role.ORGANIZER);

			ApiKey key = asAdmin(user("Admin", Role.ADMIN))
				.createApiKey(request("For Olga", Scopes.EVENTS_READ).setOwnerId(olga.getId()).build())
				.getKey();

			assertThat(key.getOwnerId()).isEqualTo(olga.getId());
		}

		@Test
		void refusesOwnersThatAreNotActiveOrganizersOrUnknown() {
			User ada = user("Ada", Role.ATTENDEE);
			ApiKeyServiceBlockingStub admin = asAdmin(user("Admin", Role.ADMIN));

			StatusRuntimeException attendee = failureOf(
					() -> admin.createApiKey(request("For Ada", Scopes.EVENTS_READ).setOwnerId(ada.getId()).build()));
			StatusRuntimeException unknown = failureOf(() -> admin
				.createApiKey(request("For nobody", Scopes.EVENTS_READ).setOwnerId(UUID.randomUUID().toString()).build()));

			assertInvalid(attendee, "ownerId");
			assertRefused(unknown, Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "ownerId");
		}

		@Test
		void refusesAnotherOwnerToOrganizers() {
			User olga = user("Olga", Role.ORGANIZER);
			User otto = user("Otto", Role.ORGANIZER);

			StatusRuntimeException failure = failureOf(() -> asOrganizer(olga)
				.createApiKey(request("For Otto", Scopes.EVENTS_READ).setOwnerId(otto.getId()).build()));

			assertRefused(failure, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

	}

	@Nested
	class Listing {

		@Test
		void listsTheCallersKeysNewestFirstRevokedOnesIncluded() {
			User olga = user("Olga", Role.ORGANIZER);
			ApiKeyServiceBlockingStub organizer = asOrganizer(olga);
			ApiKey first = organizer.createApiKey(request("First", Scopes.EVENTS_READ).build()).getKey();
			ApiKey second = organizer.createApiKey(request("Second", Scopes.EVENTS_READ).build()).getKey();
			ApiKey third = organizer.createApiKey(request("Third", Scopes.EVENTS_READ).build()).getKey();
			ApiKey revoked = organizer.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(second.getId()).build());
			asOrganizer(user("Otto", Role.ORGANIZER)).createApiKey(request("Not Olga's", Scopes.EVENTS_READ).build());

			List<ApiKey> listed = organizer.listApiKeys(ListApiKeysRequest.getDefaultInstance()).getKeysList();

			assertThat(listed).containsExactly(third, revoked, first);
		}

		@Test
		void letsAdministratorsListAnyonesKeys() {
			User olga = user("Olga", Role.ORGANIZER);
			ApiKey key = asOrganizer(olga).createApiKey(request("Olga's", Scopes.EVENTS_READ).build()).getKey();

			List<ApiKey> listed = asAdmin(user("Admin", Role.ADMIN))
				.listApiKeys(ListApiKeysRequest.newBuilder().setOwnerId(olga.getId()).build())
				.getKeysList();

			assertThat(listed).containsExactly(key);
		}

		@Test
		void refusesOtherUsersKeysToNonAdministratorsAndAnyKeysToAnonymousCallers() {
			User olga = user("Olga", Role.ORGANIZER);
			User otto = user("Otto", Role.ORGANIZER);
			ListApiKeysRequest ottos = ListApiKeysRequest.newBuilder().setOwnerId(otto.getId()).build();

			StatusRuntimeException organizer = failureOf(() -> asOrganizer(olga).listApiKeys(ottos));
			StatusRuntimeException anonymous = failureOf(() -> keys().listApiKeys(ListApiKeysRequest.getDefaultInstance()));

			assertRefused(organizer, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
		}

	}

	@Nested
	class Revoking {

		private RevokeApiKeyRequest revoke(String id) {
			return RevokeApiKeyRequest.newBuilder().setId(id).build();
		}

		@Test
		void revokesAKeyAndKeepsTheFirstRevocationTime() {
			ApiKeyServiceBlockingStub organizer = asOrganizer(user("Olga", Role.ORGANIZER));
			ApiKey key = organizer.createApiKey(request("Key", Scopes.EVENTS_READ).build()).getKey();

			ApiKey revoked = organizer.revokeApiKey(revoke(key.getId()));
			ApiKey again = organizer.revokeApiKey(revoke(key.getId()));

			assertThat(revoked.hasRevokedAt()).isTrue();
			assertThat(again.getRevokedAt()).isEqualTo(revoked.getRevokedAt());
			assertThat(db.fetchValue(API_KEY.REVOKED_AT, API_KEY.ID.eq(UUID.fromString(key.getId()))))
				.isEqualTo(ProtoTime.toInstant(revoked.getRevokedAt()));
		}

		@Test
		void letsAdministratorsRevokeAnyonesKey() {
			ApiKey key = asOrganizer(user("Olga", Role.ORGANIZER)).createApiKey(request("Key", Scopes.EVENTS_READ).build()).getKey();

			ApiKey revoked = asAdmin(user("Admin", Role.ADMIN)).revokeApiKey(revoke(key.getId()));

			assertThat(revoked.hasRevokedAt()).isTrue();
		}

		@Test
		void refusesOtherUsersAndAnonymousCallers() {
			ApiKey key = asOrganizer(user("Olga", Role.ORGANIZER)).createApiKey(request("Key", Scopes.EVENTS_READ).build()).getKey();

			StatusRuntimeException otherUser = failureOf(
					() -> asOrganizer(user("Otto", Role.ORGANIZER)).revokeApiKey(revoke(key.getId())));
			StatusRuntimeException anonymous = failureOf(() -> keys().revokeApiKey(revoke(key.getId())));

			assertRefused(otherUser, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(anonymous, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
			assertThat(db.fetchValue(API_KEY.REVOKED_AT, API_KEY.ID.eq(UUID.fromString(key.getId())))).isNull();
		}

		@Test
		void answersNotFoundForAnUnknownKeyAndRefusesAMalformedId() {
			ApiKeyServiceBlockingStub organizer = asOrganizer(user("Olga", Role.ORGANIZER));

			StatusRuntimeException unknown = failureOf(() -> organizer.revokeApiKey(revoke(UUID.randomUUID().toString())));
			StatusRuntimeException malformed = failureOf(() -> organizer.revokeApiKey(revoke("key-1")));

			assertRefused(unknown, Status.Code.NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND, "id");
			assertInvalid(malformed, "id");
		}

	}

}
