package org.convene.database.testing;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.convene.database.LocalPostgres;

/**
 * Hands every test context a fresh, empty database on one PostgreSQL server per JVM.
 *
 * <p>The server is, in order of preference: the one {@code CONVENE_TEST_DATABASE_URL}
 * points at (a JDBC URL of a database whose user may create databases, with
 * {@code CONVENE_TEST_DATABASE_USERNAME} and {@code CONVENE_TEST_DATABASE_PASSWORD}); a
 * PostgreSQL container when Testcontainers finds a Docker engine; an embedded PostgreSQL.
 */
public final class TestDatabases {

	private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);

	private static Server server;

	private TestDatabases() {
	}

	/** Creates an empty database and returns how to reach it. */
	public static synchronized TestDatabase create() {
		if (server == null) {
			server = startServer();
		}
		String name = "test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return new TestDatabase(server.urlOf(name), server.username(), server.password());
	}

	private static Server startServer() {
		String url = System.getenv("CONVENE_TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			log.info("Tests use the PostgreSQL at {}", url);
			return new Server(url, env("CONVENE_TEST_DATABASE_USERNAME", "postgres"),
					env("CONVENE_TEST_DATABASE_PASSWORD", ""));
		}
		if (Containers.dockerAvailable()) {
			log.info("Tests use a PostgreSQL container (Testcontainers)");
			return Containers.startPostgres();
		}
		log.info("No Docker engine answers; tests use an embedded PostgreSQL");
		try {
			LocalPostgres postgres = LocalPostgres.startEphemeralStoppedByCaller(Files.createTempDirectory("convene-test-pg"));
			stopAtExit(postgres::close);
			return new Server(postgres.jdbcUrl("postgres"), LocalPostgres.USER, "");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stops the embedded server when the JVM exits, after Spring Boot has closed its
	 * application contexts where it is on the class path. JVM shutdown hooks run all at once, so
	 * beans that write while closing (the audit log's last batch) would otherwise wait for a
	 * connection to a stopped server until the pool gives up, 30 s.
	 */
	private static void stopAtExit(Runnable stop) {
		try {
			Object handlers = Class.forName("org.springframework.boot.SpringApplication")
				.getMethod("getShutdownHandlers")
				.invoke(null);
			Class.forName("org.springframework.boot.SpringApplicationShutdownHandlers")
				.getMethod("add", Runnable.class)
				.invoke(handlers, stop);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			Runtime.getRuntime().addShutdownHook(new Thread(stop, "test-postgres-shutdown"));
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	/** A database server tests may create databases on. */
	record Server(String adminUrl, String username, String password) {

		String urlOf(String database) {
			int query = this.adminUrl.indexOf('?');
			String base = query < 0 ? this.adminUrl : this.adminUrl.substring(0, query);
			String params = query < 0 ? "" : this.adminUrl.substring(query);
			return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
		}

	}

	/** Keeps Testcontainers classes out of the way when Testcontainers is not on the classpath. */
	private static final class Containers {

		static boolean dockerAvailable() {
			try {
				Class.forName("org.testcontainers.DockerClientFactory");
			}
			catch (ClassNotFoundException ex) {
				return false;
			}
			try {
				return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		@SuppressWarnings("resource")
		static Server startPostgres() {
			var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}

	}


}
