package org.convene.bench.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What a simulation runs against and how hard, each from the system property {@code bench.<name>}
 * or else the environment variable {@code CONVENE_BENCH_<NAME>} (e.g. {@code bench.databaseUrl},
 * {@code CONVENE_BENCH_DATABASE_URL}); the table in bench/README.md lists them.
 *
 * @param baseUrl the gateway
 * @param credentialsFile the platform's first-start credentials (client.id, client.secret)
 * @param users concurrent virtual users, each looping without think time
 * @param duration how long the users loop after the ramp
 * @param ramp over how long the users start (0: all at once)
 * @param seats capacity of the event a simulation creates
 * @param eventId an existing published event to read instead of creating one (page read only)
 * @param databaseUrl JDBC URL of the platform's database, for the check after a ticket rush
 * @param databaseUser its user
 * @param databasePassword its password
 * @param maxErrorPercent the most failed requests, in percent, before the run fails
 */
public record BenchSettings(URI baseUrl, Path credentialsFile, int users, Duration duration, Duration ramp, int seats,
		String eventId, String databaseUrl, String databaseUser, String databasePassword, double maxErrorPercent) {

	public static BenchSettings load() {
		String base = value("baseUrl", "http://localhost:8080");
		return new BenchSettings(URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
				Path.of(value("credentials", ".convene/bootstrap-credentials.properties")),
				positive("users", value("users", "64")), duration("duration", value("duration", "30s")),
				duration("ramp", value("ramp", "0s")), positive("seats", value("seats", "20000")),
				value("eventId", null), value("databaseUrl", null), value("databaseUsername", "postgres"),
				value("databasePassword", ""), Double.parseDouble(value("maxErrorPercent", "0")));
	}

	/** Until when the users loop, counted from now (the start of the run). */
	public long deadlineNanos() {
		return System.nanoTime() + this.ramp.plus(this.duration).toNanos();
	}

	/** HTTP to the gateway, JSON both ways, once it is ready. */
	public HttpProtocolBuilder jsonProtocol() {
		return HttpDsl.http.baseUrl(this.baseUrl.toString())
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.warmUp(this.baseUrl + "/actuator/health/readiness");
	}

	/** A safety net: the run is stopped after ramp + duration + 2 minutes whatever happens. */
	public Duration maxDuration() {
		return this.ramp.plus(this.duration).plusMinutes(2);
	}

	@Override
	public String toString() {
		return "baseUrl=" + this.baseUrl + " users=" + this.users + " ramp=" + this.ramp.toSeconds() + "s duration="
				+ this.duration.toSeconds() + "s seats=" + this.seats;
	}

	/** The system property bench.name, else the environment variable CONVENE_BENCH_NAME, else the fallback. */
	public static String value(String name, String fallback) {
		String property = System.getProperty("bench." + name);
		if (property != null && !property.isBlank()) {
			return property.strip();
		}
		String env = System.getenv("CONVENE_BENCH_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
		return env == null || env.isBlank() ? fallback : env.strip();
	}

	private static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("bench." + name + " must be a positive integer, was '" + value + "'");
	}

	/** Seconds: 30, 30s, 2m. */
	private static Duration duration(String name, String value) {
		String v = value.toLowerCase(Locale.ROOT);
		try {
			Duration duration = v.endsWith("m") ? Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)))
					: Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
			if (!duration.isNegative()) {
				return duration;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("bench." + name + " must be seconds (30, 30s) or minutes (2m), was '" + value + "'");
	}

}
