package org.convene.core.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.convene.core.CoreApplication;
import org.convene.core.auth.Scopes;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.UserServiceGrpc;
import org.convene.database.testing.TestDatabase;
import org.convene.database.testing.TestDatabases;
import org.convene.grpc.CallMetadata;

import static org.convene.schema.core.Tables.APP_USER;

/**
 * Starts core-grpc on a fresh PostgreSQL database and calls it over a real gRPC channel
 * on loopback, as the gateway does.
 */
@SpringBootTest(properties = { "spring.config.name=" + CoreApplication.CONFIG_NAME, "spring.grpc.server.port=0", "server.port=0",
		"spring.grpc.client.channels.connectors.address=static://127.0.0.1:1" })
public abstract class CoreIntegrationTest {

	private static final TestDatabase DATABASE = TestDatabases.create();

	@LocalGrpcPort
	protected int grpcPort;

	@Autowired
	protected DSLContext db;

	protected ManagedChannel channel;

	/** EventService as an administrator (every scope): sees and changes every event. */
	protected EventServiceGrpc.EventServiceBlockingStub events;

	/** EventService without credentials. */
	protected EventServiceGrpc.EventServiceBlockingStub anonymousEvents;

	/** The administrator the {@link #events} stub acts for. */
	protected UUID adminId;

	protected UserServiceGrpc.UserServiceBlockingStub users;

	protected final TestTokens tokens = TestTokens.get();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DATABASE::jdbcUrl);
		registry.add("spring.datasource.username", DATABASE::username);
		registry.add("spring.datasource.password", DATABASE::password);
		registry.add("convene.auth.issuer", () -> TestTokens.ISSUER);
		registry.add("convene.auth.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
	}

	/** The stub, calling with {@code Authorization: Bearer <token>}. */
	protected static <S extends AbstractStub<S>> S bearer(S stub, String token) {
		return withHeader(stub, CallMetadata.AUTHORIZATION, "Bearer " + token);
	}

	/** The stub, calling with the API key. */
	protected static <S extends AbstractStub<S>> S apiKey(S stub, String key) {
		return withHeader(stub, CallMetadata.API_KEY, key);
	}

	private static <S extends AbstractStub<S>> S withHeader(S stub, Metadata.Key<String> key, String value) {
		Metadata headers = new Metadata();
		headers.put(key, value);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcPort).usePlaintext().build();
		this.adminId = administrator();
		this.anonymousEvents = EventServiceGrpc.newBlockingStub(this.channel);
		this.events = bearer(this.anonymousEvents, this.tokens.user(this.adminId, Set.of("ADMIN", "ORGANIZER"),
				Scopes.ALL.toArray(String[]::new)));
		this.users = UserServiceGrpc.newBlockingStub(this.channel);
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	/** A user with the given roles, stored directly; returns its id. */
	protected UUID newUser(String name, String... roles) {
		UUID id = newUser(name);
		this.db.update(APP_USER).set(APP_USER.ROLES, roles).where(APP_USER.ID.eq(id)).execute();
		return id;
	}

	/** EventService as a user with these roles, holding the events scopes. */
	protected EventServiceGrpc.EventServiceBlockingStub eventsAs(UUID user, String... roles) {
		return bearer(this.anonymousEvents,
				this.tokens.user(user, Set.of(roles), Scopes.EVENTS_READ, Scopes.EVENTS_WRITE));
	}

	private UUID administrator() {
		return this.db.select(APP_USER.ID)
			.from(APP_USER)
			.where(APP_USER.EMAIL.eq("test-admin@example.test"))
			.fetchOptional(APP_USER.ID)
			.orElseGet(() -> {
				UUID id = UUID.randomUUID();
				this.db.insertInto(APP_USER)
					.set(APP_USER.ID, id)
					.set(APP_USER.EMAIL, "test-admin@example.test")
					.set(APP_USER.DISPLAY_NAME, "Test administrator")
					.set(APP_USER.ROLES, new String[] { "ADMIN", "ORGANIZER" })
					.execute();
				return id;
			});
	}

	/** The events stub with a correlation id in its metadata. */
	protected EventServiceGrpc.EventServiceBlockingStub eventsWithCorrelationId(String correlationId) {
		return withHeader(this.events, CallMetadata.CORRELATION_ID, correlationId);
	}

	/** Stores a user directly, with the default role ATTENDEE. */
	protected UUID newUser(String name) {
		UUID id = UUID.randomUUID();
		this.db.insertInto(APP_USER)
			.set(APP_USER.ID, id)
			.set(APP_USER.EMAIL, id + "@example.test")
			.set(APP_USER.DISPLAY_NAME, name)
			.execute();
		return id;
	}

}
