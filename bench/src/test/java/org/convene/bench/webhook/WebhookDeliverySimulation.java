package org.convene.bench.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import org.convene.bench.platform.AdminApi;
import org.convene.bench.platform.BenchSettings;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Webhook delivery under load: {@code bench.rate} domain events per second (each a change to one
 * of 20 published events, through REST) for {@code bench.duration}, delivered to
 * {@code bench.subscriptions} subscriptions whose endpoint is a fast receiver on loopback in this
 * JVM. Reports deliveries per second and the lag from commit (the event's {@code updatedAt},
 * stamped in the committing transaction) to arrival, p50/p95/p99. The platform must accept
 * loopback targets: start it with {@code CONVENE_WEBHOOKS_ALLOW_INSECURE_TARGETS=true}.
 */
public class WebhookDeliverySimulation extends Simulation {

	private static final Pattern UPDATED_AT = Pattern.compile("\"updatedAt\": ?\"([^\"]+)\"");

	private static final int EVENTS = 20;

	private final BenchSettings settings = BenchSettings.load();

	private final int rate = Integer.parseInt(BenchSettings.value("rate", "500"));

	private final int subscriptions = Integer.parseInt(BenchSettings.value("subscriptions", "4"));

	private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

	private final List<String> events = new ArrayList<>();

	private final List<String> subscriptionIds = new ArrayList<>();

	private HttpServer receiver;

	private AdminApi admin;

	private long versionsBefore;

	/** One delivery as the receiver saw it. */
	record Arrival(long atMillis, long committedAtMillis) {
	}

	{
		ScenarioBuilder changes = scenario("event change").exec(http("PATCH event")
			.patch(session -> "/api/v1/events/" + this.events.get(ThreadLocalRandom.current().nextInt(this.events.size())))
			.header("Authorization", session -> this.admin.authorization())
			.body(StringBody(session -> "{\"description\":\"Bench change " + UUID.randomUUID() + "\"}"))
			.check(status().is(200)));
		setUp(changes.injectOpen(constantUsersPerSec(this.rate).during(this.settings.duration())))
			.protocols(this.settings.jsonProtocol())
			.assertions(global().failedRequests().percent().lte(this.settings.maxErrorPercent()))
			.maxDuration(this.settings.maxDuration());
	}

	@Override
	public void before() {
		try {
			this.receiver = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 512);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.receiver.setExecutor(Executors.newFixedThreadPool(16));
		this.receiver.createContext("/", exchange -> {
			long at = System.currentTimeMillis();
			try (InputStream body = exchange.getRequestBody()) {
				// A regular expression rather than a JSON parser: the receiver shares the CPU with the platform.
				Matcher updatedAt = UPDATED_AT.matcher(new String(body.readAllBytes(), StandardCharsets.UTF_8));
				if (updatedAt.find()) {
					this.arrivals.add(new Arrival(at, Instant.parse(updatedAt.group(1)).toEpochMilli()));
				}
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
		this.admin = AdminApi.connect(this.settings);
		for (int i = 0; i < EVENTS; i++) {
			this.events.add(this.admin.createPublishedEvent("Bench webhooks " + i, 100).eventId());
		}
		// Each subscription its own loopback address: endpoints of different partners are different hosts.
		for (int i = 0; i < this.subscriptions; i++) {
			String url = "http://127.0.0." + (i + 1) + ":" + this.receiver.getAddress().getPort() + "/hook/" + i;
			this.subscriptionIds.add(this.admin.send("POST", "/api/v1/webhooks",
					Map.of("url", url, "eventTypes", List.of("event.updated")), 201).path("subscription").path("id").asText());
		}
		this.versionsBefore = versions();
		System.out.printf("Webhook delivery: %d events/s for %ds to %d subscriptions, %s%n", this.rate,
				this.settings.duration().toSeconds(), this.subscriptions, this.settings);
	}

	@Override
	public void after() {
		long changes = versions() - this.versionsBefore;
		long expected = changes * this.subscriptions;
		long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (this.arrivals.size() < expected && System.nanoTime() < waitUntil) {
			pause();
		}
		this.subscriptionIds.forEach(id -> this.admin.send("DELETE", "/api/v1/webhooks/" + id, null, 204));
		this.receiver.stop(0);
		List<Arrival> all = new ArrayList<>(this.arrivals);
		long first = all.stream().mapToLong(Arrival::atMillis).min().orElse(0);
		long last = all.stream().mapToLong(Arrival::atMillis).max().orElse(0);
		long[] lags = all.stream().mapToLong(arrival -> arrival.atMillis() - arrival.committedAtMillis()).sorted().toArray();
		System.out.println("================ Webhook delivery ================");
		System.out.printf("domain events (event.updated): %d in %ds = %.0f/s; deliveries expected %d, received %d%n", changes,
				this.settings.duration().toSeconds(), (double) changes / this.settings.duration().toSeconds(), expected, all.size());
		System.out.printf("deliveries per second: %.0f (first to last arrival, %.1f s); busiest second: %d%n",
				all.size() * 1000.0 / Math.max(1, last - first), (last - first) / 1000.0, busiestSecond(all));
		System.out.printf("lag from commit to arrival (ms): p50 %d, p95 %d, p99 %d, max %d%n", percentile(lags, 50),
				percentile(lags, 95), percentile(lags, 99), lags.length == 0 ? 0 : lags[lags.length - 1]);
		if (all.size() < expected) {
			throw new IllegalStateException((expected - all.size()) + " deliveries did not arrive within 2 minutes");
		}
	}

	private long versions() {
		long sum = 0;
		for (String event : this.events) {
			sum += this.admin.send("GET", "/api/v1/events/" + event, null, 200).path("version").asLong();
		}
		return sum;
	}

	private static long busiestSecond(List<Arrival> arrivals) {
		return arrivals.stream()
			.collect(Collectors.groupingBy(arrival -> arrival.atMillis() / 1000, Collectors.counting()))
			.values().stream().mapToLong(Long::longValue).max().orElse(0);
	}

	private static long percentile(long[] sorted, int percent) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
