package org.convene.gateway.launcher;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/** The credentials a first start writes to the data folder, and a token obtained with them. */
final class FirstStartCredentials {

	private FirstStartCredentials() {
	}

	/** Waits for the file (the administrator is created once core answers) and reads it. */
	static Properties await(Path dataDir, Duration timeout) throws IOException, InterruptedException {
		Path file = dataDir.resolve("bootstrap-credentials.properties");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(file)) {
				Properties properties = new Properties();
				properties.load(new StringReader(Files.readString(file)));
				if (properties.containsKey("admin.password") && properties.containsKey("client.secret")) {
					return properties;
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No first-start credentials in " + file + " after " + timeout);
	}

	/** An access token of the administration client (client credentials). */
	static String adminToken(HttpClient http, String gateway, Properties credentials) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((credentials.getProperty("client.id") + ":" + credentials.getProperty("client.secret"))
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new AssertionError("Token request failed: " + response.statusCode() + " " + response.body());
		}
		return response.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
