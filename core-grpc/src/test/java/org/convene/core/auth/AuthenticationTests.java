package org.convene.core.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.google.protobuf.FieldMask;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.TestTokens;
import org.convene.core.user.TestUsers;
import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.ApiKeyServiceGrpc.ApiKeyServiceBlockingStub;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.CreatedApiKey;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.RevokeApiKeyRequest;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.UpdateProfileRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertRefused;
import static org.convene.schema.core.Tables.API_KEY;
import static org.convene.schema.core.Tables.APP_USER;

/**
 * How core establishes the caller: bearer tokens, API keys in either header, and every way
 * credentials can be wrong. Wrong credentials fail the call; they never count as anonymous.
 */
class AuthenticationTests extends CoreIntegrationTest {

	private static final GetUserRequest ME = GetUserRequest.newBuilder().setId("me").build();

	private static UserServiceBlockingStub withHeaders(UserServiceBlockingStub stub, String... namesAndValues) {
		Metadata headers = new Metadata();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(Metadata.Key.of(namesAndValues[i], Metadata.ASCII_STRING_MARSHALLER), namesAndValues[i + 1]);
		}
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	/** A signed-up ORGANIZER. */
	private User organizer() {
		User olga = TestUsers.signUp(this.users, "Olga");
		TestUsers.grant(this.db, olga.getId(), Role.ORGANIZER);
		return olga;
	}

	/** The organizer's key service, called with the organizer's token. */
	private ApiKeyServiceBlockingStub keysOf(User organizer) {
		String token = this.tokens.user(UUID.fromString(organizer.getId()), TestUsers.names(Role.ORGANIZER), Scopes.USERS_READ,
				Scopes.USERS_WRITE, Scopes.EVENTS_READ);
		return bearer(ApiKeyServiceGrpc.newBlockingStub(this.channel), token);
	}

	/** A new key of the organizer granting the scopes. */
	private CreatedApiKey newKey(User organizer, String... scopes) {
		return keysOf(organizer)
			.createApiKey(CreateApiKeyRequest.newBuilder().setName("Integration").addAllScopes(Set.of(scopes)).build());
	}

	/** The secret of a new key of the organizer granting the scopes. */
	private String keyOf(User organizer, String... scopes) {
		return newKey(organizer, scopes).getSecret();
	}

	private Instant lastUsedAt(String secret) {
		return this.db.fetchValue(API_KEY.LAST_USED_AT, API_KEY.SECRET_HASH.eq(ApiKeyAuthenticator.hash(secret)));
	}

	private void assertUnauthenticated(StatusRuntimeException failure) {
		assertRefused(failure, Status.Code.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED);
	}

	static Stream<Arguments> rejectedCredentials() {
		TestTokens tokens = TestTokens.get();
		UUID user = UUID.randomUUID();
		Set<String> roles = Set.of("ATTENDEE");
		return Stream.of(
				rejected("an expired token", "authorization", "Bearer " + tokens.expired(user, roles, Scopes.USERS_READ)),
				rejected("a token signed by an unknown key", "authorization",
						"Bearer " + tokens.signedByUnknownKey(user, roles, Scopes.USERS_READ)),
				rejected("a token for another audience", "authorization",
						"Bearer " + tokens.forAudience("another-api", user, roles, Scopes.USERS_READ)),
				rejected("a malformed token", "authorization", "Bearer abc"),
				rejected("an unknown scheme", "authorization", "Basic xyz"),
				rejected("an unknown API key", "x-api-key", ApiKeyAuthenticator.PREFIX + "unknownunknownunknown"),
				rejected("both a token and an API key", "authorization",
						"Bearer " + tokens.user(user, roles, Scopes.USERS_READ), "x-api-key", ApiKeyAuthenticator.PREFIX + "x"));
	}

	private static Arguments rejected(String name, String... headers) {
		return Arguments.of(named(name, headers));
	}

	@Nested
	class BearerTokens {

		@Test
		void actForTheUserTheyName() {
			User ada = TestUsers.signUp(users, "Ada");

			User me = bearer(users, tokens.user(UUID.fromString(ada.getId()), Set.of("ATTENDEE"), Scopes.USERS_READ)).getUser(ME);

			assertThat(me).isEqualTo(ada);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("org.convene.core.auth.AuthenticationTests#rejectedCredentials")
		void failTheCallWhenTheyCannotBeVerified(String[] headers) {
			StatusRuntimeException failure = failureOf(() -> withHeaders(users, headers).getUser(ME));

			assertUnauthenticated(failure);
		}

	}

	@Nested
	class ApiKeys {

		@Test
		void actForTheirOwnerThroughTheApiKeyHeader() {
			User olga = organizer();
			String key = keyOf(olga, Scopes.USERS_READ);

			User me = apiKey(users, key).getUser(ME);

			assertThat(me).isEqualTo(olga.toBuilder().clearRoles().addRoles(Role.ORGANIZER).build());
		}

		@Test
		void actForTheirOwnerThroughTheAuthorizationHeader() {
			User olga = organizer();
			String key = keyOf(olga, Scopes.USERS_READ);

			User me = withHeaders(users, "authorization", "ApiKey " + key).getUser(ME);

			assertThat(me.getId()).isEqualTo(olga.getId());
			assertThat(me.getEmail()).isEqualTo(olga.getEmail());
		}

		@Test
		void grantExactlyTheirScopesNotTheOwners() {
			User olga = organizer();
			UserServiceBlockingStub readOnly = apiKey(users, keyOf(olga, Scopes.USERS_READ));
			UpdateProfileRequest rename = UpdateProfileRequest.newBuilder()
				.setId("me")
				.setUpdateMask(FieldMask.newBuilder().addPaths("display_name"))
				.setDisplayName("Renamed")
				.build();

			StatusRuntimeException write = failureOf(() -> readOnly.updateProfile(rename));
			StatusRuntimeException noRead = failureOf(() -> apiKey(users, keyOf(olga, Scopes.EVENTS_READ)).getUser(ME));

			assertRefused(write, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
			assertRefused(noRead, Status.Code.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED);
		}

		@Test
		void stopWorkingWhenRevoked() {
			User olga = organizer();
			CreatedApiKey key = newKey(olga, Scopes.USERS_READ);
			apiKey(users, key.getSecret()).getUser(ME);
			keysOf(olga).revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(key.getKey().getId()).build());

			StatusRuntimeException failure = failureOf(() -> apiKey(users, key.getSecret()).getUser(ME));

			assertUnauthenticated(failure);
		}

		@Test
		void stopWorkingWhenExpired() {
			String key = keyOf(organizer(), Scopes.USERS_READ);
			db.update(API_KEY)
				.set(API_KEY.EXPIRES_AT, Instant.now().minusSeconds(60))
				.where(API_KEY.SECRET_HASH.eq(ApiKeyAuthenticator.hash(key)))
				.execute();

			StatusRuntimeException failure = failureOf(() -> apiKey(users, key).getUser(ME));

			assertUnauthenticated(failure);
		}

		@Test
		void stopWorkingWhenTheirOwnerIsDisabled() {
			User olga = organizer();
			String key = keyOf(olga, Scopes.USERS_READ);
			db.update(APP_USER).set(APP_USER.STATUS, "DISABLED").where(APP_USER.ID.eq(UUID.fromString(olga.getId()))).execute();

			StatusRuntimeException failure = failureOf(() -> apiKey(users, key).getUser(ME));

			assertUnauthenticated(failure);
		}

		@Test
		void recordWhenTheyWereLastUsed() {
			String key = keyOf(organizer(), Scopes.USERS_READ);
			Instant before = lastUsedAt(key);

			apiKey(users, key).getUser(ME);

			assertThat(before).isNull();
			assertThat(lastUsedAt(key)).isNotNull().isBeforeOrEqualTo(Instant.now());
		}

	}

}
