package org.convene.core.support;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
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

	protected EventServiceGrpc.EventServiceBlockingStub events;

	protected UserServiceGrpc.UserServiceBlockingStub users;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DATABASE::jdbcUrl);
		registry.add("spring.datasource.username", DATABASE::username);
		registry.add("spring.datasource.password", DATABASE::password);
	}

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcPort).usePlaintext().build();
		this.events = EventServiceGrpc.newBlockingStub(this.channel);
		this.users = UserServiceGrpc.newBlockingStub(this.channel);
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	/** The events stub with a correlation id in its metadata. */
	protected EventServiceGrpc.EventServiceBlockingStub eventsWithCorrelationId(String correlationId) {
		Metadata headers = new Metadata();
		headers.put(CallMetadata.CORRELATION_ID, correlationId);
		return this.events.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	/** Stores a user directly; the Users API does not create them yet. */
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
