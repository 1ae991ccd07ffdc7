package org.convene.gateway.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The local platform launcher run as the README's command runs it: its own JVM, configured by environment. */
final class PlatformProcess implements AutoCloseable {

	private final Process process;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private PlatformProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::read, "platform-output");
		reader.setDaemon(true);
		reader.start();
	}

	static PlatformProcess start(Map<String, String> env) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path home = Path.of(System.getProperty("convene.home", "..")).toAbsolutePath().normalize();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dconvene.home=" + home, "-cp",
				System.getProperty("java.class.path"), LocalPlatform.class.getName())
			.redirectErrorStream(true);
		builder.environment().putAll(env);
		return new PlatformProcess(builder.start());
	}

	/** Waits for the "Convene is running" banner; fails early if the launcher exits. */
	String awaitRunning(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (String line : this.output) {
				if (line.startsWith("Convene is running")) {
					return line;
				}
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("The launcher exited with " + this.process.exitValue() + ":\n" + tail());
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		throw new AssertionError("Not running after " + timeout + ":\n" + tail());
	}

	List<ProcessHandle> descendants() {
		return this.process.descendants().toList();
	}

	List<String> output() {
		return this.output;
	}

	/** Sends SIGTERM, as Ctrl-C or a process manager would, and waits for the exit. */
	boolean stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	String tail() {
		int from = Math.max(0, this.output.size() - 60);
		return String.join("\n", this.output.subList(from, this.output.size()));
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.output.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

}
