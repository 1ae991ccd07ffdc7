package org.convene.gateway.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.convene.database.LocalPostgres;
import org.convene.database.testing.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this runs what it describes:
 * PostgreSQL with the compose file's database, user and password, and the three services as
 * separate processes with exactly the compose file's environment. Only host names (the
 * compose network's) and port numbers (to free ones) are rewritten.
 */
class ComposeConfigurationIT {

	private static final Pattern HOST_PORT = Pattern.compile("(postgres|core-grpc|connectors-grpc|api-graphql):(\\d+)");

	private static final Pattern PORT = Pattern.compile("\\d{4,5}");

	@TempDir
	Path work;

	@Test
	@SuppressWarnings("unchecked")
	void theServicesStartAgainstOnePostgresConfiguredAsTheComposeFileSaysAndServeRequests() throws Exception {
		Path home = Path.of(System.getProperty("convene.home", "..")).toAbsolutePath().normalize();
		Map<String, Object> compose;
		try (InputStream in = Files.newInputStream(home.resolve("docker-compose.yml"))) {
			compose = new Yaml().load(in);
		}
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services).containsOnlyKeys("postgres", "core-grpc", "connectors-grpc", "api-graphql");
		Map<String, Integer> ports = new LinkedHashMap<>();
		List<ServiceProcess> started = new ArrayList<>();

		try (LocalPostgres postgres = LocalPostgres.startEphemeral(this.work.resolve("postgres"))) {
			Map<String, String> database = environment(services.get("postgres"));
			createDatabase(postgres, database.get("POSTGRES_DB"), database.get("POSTGRES_USER"), database.get("POSTGRES_PASSWORD"));
			ports.put("5432", postgres.port());
			try {
				for (String name : List.of("connectors-grpc", "core-grpc", "api-graphql")) {
					Map<String, String> env = rewrite(environment(services.get(name)), ports);
					Path jar = home.resolve(name).resolve("target").resolve(name + "-exec.jar");
					started.add(ServiceProcess.start(name, jar, PlatformSettings.DEFAULT_JAVA_OPTIONS, env,
							Integer.parseInt(env.get("CONVENE_HTTP_PORT")), new PrintStream(System.out, true)));
				}
				HttpClient http = HttpClient.newHttpClient();
				long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
				while (!started.stream().allMatch(service -> service.isReady(http))) {
					assertThat(started).allMatch(ServiceProcess::isAlive);
					assertThat(System.nanoTime()).as("services ready in time").isLessThan(deadline);
					Thread.sleep(250);
				}
				String gateway = "http://127.0.0.1:" + ports.get("8080");
				String token = FirstStartCredentials.adminToken(http, gateway,
						FirstStartCredentials.await(this.work.resolve("gateway-data"), Duration.ofSeconds(60)));

				HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"title": "Composed", "startsAt": "2027-06-01T09:00:00Z",
							 "endsAt": "2027-06-01T17:00:00Z", "timeZone": "UTC"}"""))
					.build(), HttpResponse.BodyHandlers.ofString());
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());

				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				assertThat(health.body()).contains("\"core\":{\"status\":\"UP\"").contains("\"connectors\":{\"status\":\"UP\"");
			}
			finally {
				for (int i = started.size() - 1; i >= 0; i--) {
					started.get(i).stop(Duration.ofSeconds(30));
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> env = new LinkedHashMap<>();
		((Map<String, Object>) service.get("environment")).forEach((key, value) -> env.put(key, String.valueOf(value)));
		return env;
	}

	/** Compose host names become loopback; every port number becomes a free one, the same one everywhere. */
	private Map<String, String> rewrite(Map<String, String> env, Map<String, Integer> ports) {
		Map<String, String> rewritten = new LinkedHashMap<>();
		env.forEach((key, value) -> {
			Matcher hostPort = HOST_PORT.matcher(value);
			StringBuilder result = new StringBuilder();
			while (hostPort.find()) {
				hostPort.appendReplacement(result, "127.0.0.1:" + freePortFor(hostPort.group(2), ports));
			}
			hostPort.appendTail(result);
			String text = result.toString();
			if (key.endsWith("_PORT") && PORT.matcher(text).matches()) {
				text = Integer.toString(freePortFor(text, ports));
			}
			if (key.equals("CONVENE_DATA_DIR")) {
				text = this.work.resolve("gateway-data").toString();
			}
			rewritten.put(key, text);
		});
		return rewritten;
	}

	private static int freePortFor(String composePort, Map<String, Integer> ports) {
		return ports.computeIfAbsent(composePort, p -> FreePorts.next());
	}

	private static void createDatabase(LocalPostgres postgres, String database, String user, String password)
			throws Exception {
		try (Connection connection = postgres.connect("postgres"); Statement sql = connection.createStatement()) {
			sql.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
			sql.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
		}
	}

}
