package org.convene.gateway.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform keeps its data, which ports it uses and how its JVMs run, read
 * from environment variables with defaults.
 *
 * @param home the repository root, where the services' jars are built
 * @param dataDir the data folder ({@code CONVENE_DATA_DIR}, default {@code ./.convene})
 * @param databaseUrl an external database ({@code CONVENE_DATABASE_URL}); null to embed one
 * @param databaseUser its user ({@code CONVENE_DATABASE_USERNAME})
 * @param databasePassword its password ({@code CONVENE_DATABASE_PASSWORD})
 * @param embeddedDatabasePort port of the embedded PostgreSQL ({@code CONVENE_EMBEDDED_DATABASE_PORT}, 0 = any free)
 * @param gatewayPort HTTP port of the gateway ({@code CONVENE_GATEWAY_PORT})
 * @param gatewayGrpcPort gRPC port of the gateway ({@code CONVENE_GATEWAY_GRPC_PORT})
 * @param coreGrpcPort gRPC port of core ({@code CONVENE_CORE_GRPC_PORT})
 * @param coreHttpPort health port of core ({@code CONVENE_CORE_HTTP_PORT})
 * @param connectorsGrpcPort gRPC port of connectors ({@code CONVENE_CONNECTORS_GRPC_PORT})
 * @param connectorsHttpPort health port of connectors ({@code CONVENE_CONNECTORS_HTTP_PORT})
 * @param javaOptions JVM options of each service ({@code CONVENE_JAVA_OPTS})
 */
record PlatformSettings(Path home, Path dataDir, String databaseUrl, String databaseUser, String databasePassword,
		int embeddedDatabasePort, int gatewayPort, int gatewayGrpcPort, int coreGrpcPort, int coreHttpPort, int connectorsGrpcPort,
		int connectorsHttpPort, String javaOptions) {

	/**
	 * Tuned for a laptop: small heaps and a serial collector keep the three services under a
	 * gigabyte together, and the C1-only JIT halves start-up on two cores. Benchmarks and
	 * production images use the full JIT (set {@code CONVENE_JAVA_OPTS}).
	 */
	static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -Xss512k -XX:MaxRAM=1g -XX:MaxRAMPercentage=40 "
			+ "-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:TieredStopAtLevel=1";

	static PlatformSettings from(Map<String, String> env, Path home) {
		return new PlatformSettings(home, Path.of(env.getOrDefault("CONVENE_DATA_DIR", ".convene")).toAbsolutePath(),
				env.get("CONVENE_DATABASE_URL"), env.getOrDefault("CONVENE_DATABASE_USERNAME", "postgres"),
				env.getOrDefault("CONVENE_DATABASE_PASSWORD", ""), port(env, "CONVENE_EMBEDDED_DATABASE_PORT", 0),
				port(env, "CONVENE_GATEWAY_PORT", 8080), port(env, "CONVENE_GATEWAY_GRPC_PORT", 9092),
				port(env, "CONVENE_CORE_GRPC_PORT", 9090),
				port(env, "CONVENE_CORE_HTTP_PORT", 8081), port(env, "CONVENE_CONNECTORS_GRPC_PORT", 9091),
				port(env, "CONVENE_CONNECTORS_HTTP_PORT", 8082),
				env.getOrDefault("CONVENE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS));
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.strip());
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException();
			}
			return port;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " must be a port number (0-65535), was '" + value + "'");
		}
	}

}
