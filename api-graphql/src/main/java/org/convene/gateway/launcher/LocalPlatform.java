package org.convene.gateway.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.convene.database.LocalPostgres;

/**
 * Starts the whole platform on one machine: an embedded PostgreSQL in the data folder
 * (unless {@code CONVENE_DATABASE_URL} names one), then connectors-grpc, core-grpc and
 * api-graphql as separate JVMs talking gRPC on loopback. Ctrl-C (or SIGTERM) stops the
 * gateway first, then the services, then the database; data stays in the folder.
 */
public final class LocalPlatform {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final PlatformSettings settings;

	private final PrintStream out;

	private final List<ServiceProcess> services = new ArrayList<>();

	private LocalPostgres postgres;

	private LocalPlatform(PlatformSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		// The launcher's own libraries (the embedded PostgreSQL) speak only when something is wrong.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Path home = Path.of(System.getProperty("convene.home", ".")).toAbsolutePath().normalize();
		LocalPlatform platform = new LocalPlatform(PlatformSettings.from(System.getenv(), home), System.out);
		Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "convene-shutdown"));
		try {
			platform.start();
		}
		catch (RuntimeException | IOException ex) {
			System.err.println("Convene could not start: " + ex.getMessage());
			System.exit(1);
		}
		Optional<ServiceProcess> ended = platform.awaitFirstExit();
		ended.ifPresent(service -> {
			System.err.println(service.name() + " stopped unexpectedly; stopping the platform");
			System.exit(1);
		});
	}

	void start() throws IOException, InterruptedException {
		long started = System.nanoTime();
		PlatformSettings s = this.settings;
		checkPortsFree(s.gatewayPort(), s.gatewayGrpcPort(), s.coreGrpcPort(), s.coreHttpPort(), s.connectorsGrpcPort(), s.connectorsHttpPort());
		String databaseUrl = s.databaseUrl();
		if (databaseUrl == null || databaseUrl.isBlank()) {
			Files.createDirectories(s.dataDir());
			this.out.println("Starting PostgreSQL with its data in " + s.dataDir().resolve("postgres"));
			this.postgres = LocalPostgres.startDurable(s.dataDir().resolve("postgres"), s.embeddedDatabasePort());
			this.postgres.createDatabaseIfMissing("convene");
			databaseUrl = this.postgres.jdbcUrl("convene");
		}
		Map<String, String> connectors = Map.of("CONVENE_GRPC_PORT", str(s.connectorsGrpcPort()), "CONVENE_HTTP_PORT",
				str(s.connectorsHttpPort()));
		Map<String, String> core = new LinkedHashMap<>();
		core.put("CONVENE_DATABASE_URL", databaseUrl);
		core.put("CONVENE_DATABASE_USERNAME", s.databaseUser());
		core.put("CONVENE_DATABASE_PASSWORD", s.databasePassword());
		core.put("CONVENE_GRPC_PORT", str(s.coreGrpcPort()));
		core.put("CONVENE_HTTP_PORT", str(s.coreHttpPort()));
		core.put("CONVENE_CONNECTORS_GRPC_ADDRESS", "static://127.0.0.1:" + s.connectorsGrpcPort());
		core.put("CONVENE_DATA_DIR", s.dataDir().toString());
		String publicUrl = "http://localhost:" + s.gatewayPort();
		core.put("CONVENE_AUTH_ISSUER", publicUrl);
		core.put("CONVENE_AUTH_JWK_SET_URI", "http://127.0.0.1:" + s.gatewayPort() + "/oauth2/jwks");
		Map<String, String> gateway = new LinkedHashMap<>();
		gateway.put("CONVENE_HTTP_PORT", str(s.gatewayPort()));
		gateway.put("CONVENE_GRPC_PORT", str(s.gatewayGrpcPort()));
		gateway.put("CONVENE_PUBLIC_URL", publicUrl);
		gateway.put("CONVENE_CORE_GRPC_ADDRESS", "static://127.0.0.1:" + s.coreGrpcPort());
		gateway.put("CONVENE_CONNECTORS_GRPC_ADDRESS", "static://127.0.0.1:" + s.connectorsGrpcPort());
		gateway.put("CONVENE_DATABASE_URL", databaseUrl);
		gateway.put("CONVENE_DATABASE_USERNAME", s.databaseUser());
		gateway.put("CONVENE_DATABASE_PASSWORD", s.databasePassword());
		gateway.put("CONVENE_DATA_DIR", s.dataDir().toString());
		this.services.add(start("connectors", "connectors-grpc", connectors, s.connectorsHttpPort()));
		this.services.add(start("core", "core-grpc", core, s.coreHttpPort()));
		this.services.add(start("gateway", "api-graphql", gateway, s.gatewayPort()));
		awaitReady();
		printBanner(Duration.ofNanos(System.nanoTime() - started), databaseUrl);
	}

	/** Stops the gateway, then the services, then the database. */
	void stop() {
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).stop(Duration.ofSeconds(30));
		}
		this.services.clear();
		if (this.postgres != null) {
			this.postgres.close();
			this.postgres = null;
			this.out.println("Convene stopped; data kept in " + this.settings.dataDir());
		}
	}

	private ServiceProcess start(String name, String module, Map<String, String> env, int healthPort) throws IOException {
		Path jar = this.settings.home().resolve(module).resolve("target").resolve(module + "-exec.jar");
		return ServiceProcess.start(name, jar, this.settings.javaOptions(), env, healthPort, this.out);
	}

	private void awaitReady() throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		List<ServiceProcess> waiting = new ArrayList<>(this.services);
		while (!waiting.isEmpty()) {
			for (ServiceProcess service : this.services) {
				if (!service.isAlive()) {
					throw new IllegalStateException(service.name() + " exited during start-up; its output is above");
				}
			}
			waiting.removeIf(service -> service.isReady(http));
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not ready after " + START_TIMEOUT.toSeconds() + " s: "
						+ waiting.stream().map(ServiceProcess::name).toList());
			}
			Thread.sleep(250);
		}
	}

	private Optional<ServiceProcess> awaitFirstExit() throws InterruptedException {
		while (true) {
			for (ServiceProcess service : List.copyOf(this.services)) {
				if (!service.isAlive()) {
					return Optional.of(service);
				}
			}
			if (this.services.isEmpty()) {
				return Optional.empty();
			}
			Thread.sleep(500);
		}
	}

	private void printBanner(Duration startup, String databaseUrl) {
		PlatformSettings s = this.settings;
		String gateway = "http://localhost:" + s.gatewayPort();
		this.out.printf("""

				Convene is running (started in %.1f s, %s resident memory in %d processes)
				  GraphQL     %s/graphql
				  GraphiQL    %s/graphiql
				  REST        %s/api/v1/events
				  OpenAPI     %s/v3/api-docs  (UI: %s/swagger-ui)
				  gRPC        core-grpc localhost:%d, connectors-grpc localhost:%d, gateway (client administration) localhost:%d
				  Database    %s
				  Sign-in     %s/.well-known/openid-configuration
				  First-start credentials (when generated): %s
				Press Ctrl-C to stop.

				""", startup.toMillis() / 1000.0, ResidentMemory.describe(processTree()), processTree().size(), gateway,
				gateway, gateway, gateway, gateway, s.coreGrpcPort(), s.connectorsGrpcPort(), s.gatewayGrpcPort(), databaseUrl, gateway,
				s.dataDir().resolve("bootstrap-credentials.properties"));
	}

	/** This launcher, the services and the database server with its workers. */
	private List<ProcessHandle> processTree() {
		return Stream.concat(Stream.of(ProcessHandle.current()),
				Stream.concat(ProcessHandle.current().descendants(),
						Optional.ofNullable(this.postgres).stream().flatMap(pg -> ResidentMemory.postgresProcesses(this.settings.dataDir()))))
			.distinct()
			.toList();
	}

	private static void checkPortsFree(int... ports) {
		for (int port : ports) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress("0.0.0.0", port));
			}
			catch (IOException ex) {
				throw new IllegalStateException("port " + port + " is in use; stop what uses it or choose another port "
						+ "(see the CONVENE_*_PORT variables in the README)");
			}
		}
	}

	private static String str(int value) {
		return Integer.toString(value);
	}

}
