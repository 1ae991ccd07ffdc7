package org.convene.gateway.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, its output prefixed with its name. */
final class ServiceProcess {

	private final String name;

	private final Process process;

	private final int healthPort;

	private ServiceProcess(String name, Process process, int healthPort) {
		this.name = name;
		this.process = process;
		this.healthPort = healthPort;
	}

	static ServiceProcess start(String name, Path jar, String javaOptions, Map<String, String> env, int healthPort,
			PrintStream out) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build the platform first (./mvnw -Prun builds it)");
		}
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of(javaOptions.trim().split("\\s+")));
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		Process process = builder.start();
		Thread copier = new Thread(() -> copy(name, process, out), name + "-output");
		copier.setDaemon(true);
		copier.start();
		return new ServiceProcess(name, process, healthPort);
	}

	String name() {
		return this.name;
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Whether its readiness probe answers UP. */
	boolean isReady(HttpClient http) {
		try {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.healthPort + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Asks the JVM to shut down gracefully (SIGTERM), and kills it if it has not after the timeout. */
	void stop(Duration timeout) {
		this.process.destroy();
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(String name, Process process, PrintStream out) {
		String prefix = String.format("%-11s| ", name);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.println(prefix + line);
			}
		}
		catch (IOException ex) {
			// the process ended; nothing more to copy
		}
	}

}
