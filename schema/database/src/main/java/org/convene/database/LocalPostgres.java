package org.convene.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from the binaries on the classpath, with its data in a folder
 * of its own. Its superuser is {@code postgres}, trusted on loopback without a password.
 */
public final class LocalPostgres implements AutoCloseable {

	public static final String USER = "postgres";

	private final EmbeddedPostgres server;

	private LocalPostgres(EmbeddedPostgres server) {
		this.server = server;
	}

	/**
	 * Starts a server whose data survives restarts, in {@code folder/data}.
	 * @param folder where data and unpacked binaries go
	 * @param port TCP port on loopback, or 0 for any free port
	 */
	public static LocalPostgres startDurable(Path folder, int port) {
		return start(folder, port, false, true);
	}

	/**
	 * Starts a throwaway server for tests and code generation: no fsync, data wiped on close;
	 * stopped at the latest when the JVM exits.
	 */
	public static LocalPostgres startEphemeral(Path folder) {
		return start(folder, 0, true, true);
	}

	/**
	 * Starts a throwaway server that the caller alone stops: one that must outlive other
	 * shutdown work (JVM shutdown hooks all run at once).
	 */
	public static LocalPostgres startEphemeralStoppedByCaller(Path folder) {
		return start(folder, 0, true, false);
	}

	private static LocalPostgres start(Path folder, int port, boolean ephemeral, boolean stopAtExit) {
		try {
			Files.createDirectories(folder.resolve("bin"));
			removeIncompleteUnpacking(folder.resolve("bin"));
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(folder.resolve("bin").toFile())
				.setDataDirectory(folder.resolve("data"))
				.setCleanDataDirectory(ephemeral)
				.setServerConfig("max_connections", "200")
				.setServerConfig("listen_addresses", "127.0.0.1")
				// The embedded defaults disable fsync; data that must survive a crash needs it.
				.setServerConfig("fsync", ephemeral ? "off" : "on")
				.setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.setRegisterShutdownHook(stopAtExit);
			if (port > 0) {
				builder.setPort(port);
			}
			return new LocalPostgres(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, ex);
		}
	}

	/**
	 * An unpacking of the binaries that was interrupted (no {@code .exists} marker) cannot be
	 * resumed; it is removed so the next start unpacks afresh.
	 */
	private static void removeIncompleteUnpacking(Path binaries) throws IOException {
		try (Stream<Path> unpacked = Files.list(binaries)) {
			for (Path folder : unpacked.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
				if (!Files.exists(folder.resolve(".exists"))) {
					try (Stream<Path> files = Files.walk(folder)) {
						for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
							Files.delete(file);
						}
					}
				}
			}
		}
	}

	public int port() {
		return this.server.getPort();
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	/** Creates the database unless it exists. */
	public void createDatabaseIfMissing(String database) {
		try (Connection connection = this.server.getPostgresDatabase().getConnection()) {
			try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				exists.setString(1, database);
				try (ResultSet rows = exists.executeQuery()) {
					if (rows.next()) {
						return;
					}
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
	}

	public Connection connect(String database) throws SQLException {
		return this.server.getDatabase(USER, database).getConnection();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
