package org.convene.gateway.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

import org.convene.connectors.ConnectorsApplication;
import org.convene.core.CoreApplication;
import org.convene.database.testing.FreePorts;
import org.convene.database.testing.TestDatabase;
import org.convene.database.testing.TestDatabases;

/**
 * The real connectors-grpc and core-grpc services, started once per test JVM on their own
 * ports and a fresh PostgreSQL database, for the gateway to call over gRPC on loopback.
 */
public final class TestBackends {

	/** The material size limit of core and the gateway in tests, small enough to exceed cheaply. */
	public static final String MATERIALS_MAX_SIZE = "256KB";

	/** The gateway's GraphQL schema is on this classpath too; the services serve none. */
	private static final String NO_GRAPHQL = "org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration";

	/** core's database is on this classpath too; connectors use none. */
	static final String NO_DATABASE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration,"
			+ "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration";

	private static TestBackends instance;

	private final int coreGrpcPort;

	private final int connectorsGrpcPort;

	private final TestDatabase database;

	private final int gatewayPort;

	private final int gatewayGrpcPort = FreePorts.next();

	private TestBackends(int coreGrpcPort, int connectorsGrpcPort, TestDatabase database, int gatewayPort) {
		this.coreGrpcPort = coreGrpcPort;
		this.connectorsGrpcPort = connectorsGrpcPort;
		this.database = database;
		this.gatewayPort = gatewayPort;
	}

	/** The gateway's port, chosen before core starts because core trusts the gateway's tokens. */
	public int gatewayPort() {
		return this.gatewayPort;
	}

	/** The port of the gateway's own gRPC services. */
	public int gatewayGrpcPort() {
		return this.gatewayGrpcPort;
	}

	/** The issuer of the gateway's tokens. */
	public String issuer() {
		return "http://127.0.0.1:" + this.gatewayPort;
	}

	public TestDatabase database() {
		return this.database;
	}

	public static synchronized TestBackends get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	public int coreGrpcPort() {
		return this.coreGrpcPort;
	}

	/** Stores a user straight into core's database; the Users API does not create them yet. */
	public String newUser(String displayName) {
		String id = UUID.randomUUID().toString();
		try (Connection connection = DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(),
				this.database.password());
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO core.app_user (id, email, display_name) VALUES (?::uuid, ?, ?)")) {
			insert.setString(1, id);
			insert.setString(2, id + "@example.test");
			insert.setString(3, displayName);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return id;
	}

	public String coreAddress() {
		return "static://127.0.0.1:" + this.coreGrpcPort;
	}

	public String connectorsAddress() {
		return "static://127.0.0.1:" + this.connectorsGrpcPort;
	}

	private static TestBackends start() {
		AtomicInteger connectorsPort = new AtomicInteger();
		ConfigurableApplicationContext connectors = new SpringApplicationBuilder(ConnectorsApplication.class)
			.properties("spring.config.name=" + ConnectorsApplication.CONFIG_NAME)
			.listeners(grpcPortTo(connectorsPort))
			.run("--spring.grpc.server.port=0", "--server.port=0",
					"--spring.autoconfigure.exclude=" + NO_GRAPHQL + "," + NO_DATABASE);
		TestDatabase database = TestDatabases.create();
		int gatewayPort = FreePorts.next();
		String issuer = "http://127.0.0.1:" + gatewayPort;
		AtomicInteger corePort = new AtomicInteger();
		ConfigurableApplicationContext core = new SpringApplicationBuilder(CoreApplication.class)
			.properties("spring.config.name=" + CoreApplication.CONFIG_NAME)
			.listeners(grpcPortTo(corePort))
			.run("--spring.grpc.server.port=0", "--server.port=0", "--spring.autoconfigure.exclude=" + NO_GRAPHQL,
					"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.grpc.client.channels.connectors.address=static://127.0.0.1:" + connectorsPort.get(),
					"--convene.auth.issuer=" + issuer, "--convene.auth.jwk-set-uri=" + issuer + "/oauth2/jwks",
					// pings go to documentation addresses that answer nothing: fail them fast
					"--convene.webhooks.connect-timeout=1s",
					"--convene.storage.directory=" + Path.of("target", "core-test-files").toAbsolutePath(),
					"--convene.materials.max-size=" + MATERIALS_MAX_SIZE);
		TestBackends backends = new TestBackends(corePort.get(), connectorsPort.get(), database, gatewayPort);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			core.close();
			connectors.close();
		}, "test-backends-shutdown"));
		return backends;
	}


	private static ApplicationListener<GrpcServerStartedEvent> grpcPortTo(AtomicInteger port) {
		return event -> port.set(event.getPort());
	}

}
