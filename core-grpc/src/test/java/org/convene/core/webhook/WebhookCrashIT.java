package org.convene.core.webhook;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;

import org.convene.core.auth.Scopes;
import org.convene.core.support.Drafts;
import org.convene.core.support.TestTokens;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.database.testing.FreePorts;
import org.convene.database.testing.TestDatabase;
import org.convene.database.testing.TestDatabases;
import org.convene.grpc.CallMetadata;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost when core dies: core runs as a real process; while domain events are being
 * produced and delivered to two receivers, it is killed with SIGKILL, then started again on the
 * same database. Every event whose creation was acknowledged reaches both receivers, and any
 * event received twice came both times under one webhook-id.
 */
class WebhookCrashIT {

	private static final int BEFORE_CRASH = 600;

	private static final int AFTER_CRASH = 500;

	private static final Pattern EVENT_ID = Pattern.compile("\"data\":\\{\"id\": ?\"([0-9a-f-]{36})\"");

	private final TestDatabase database = TestDatabases.create();

	private final int grpcPort = FreePorts.next();

	private final UUID admin = UUID.randomUUID();

	@Test
	void deliversEveryAcknowledgedEventToEveryReceiverAfterCoreIsKilled() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Process first = startCore("before-crash");
			ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcPort).usePlaintext().build();
			List<String> acknowledged = new CopyOnWriteArrayList<>();
			try {
				awaitServing(channel);
				storeAdministrator();
				subscribe(channel, receiver.url("/everything"));
				subscribe(channel, receiver.url("/created"), "event.created");

				// Core dies in the middle of it all: events being created, fanned out, sent, recorded.
				CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(channel, 3 * BEFORE_CRASH, acknowledged));
				await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= BEFORE_CRASH || producing.isDone());
				if (producing.isDone()) {
					producing.join(); // shows why creating events failed
				}
				first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				producing.get(30, TimeUnit.SECONDS);
				assertThat(first.isAlive()).isFalse();
				System.out.printf("Killed core after %d events were acknowledged and %d deliveries received%n",
						acknowledged.size(), receiver.received().size());

				Process second = startCore("after-crash");
				try {
					awaitServing(channel);
					produce(channel, AFTER_CRASH, acknowledged);

					await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
						.until(() -> eventsReceived(receiver, "/everything").keySet().containsAll(acknowledged)
								&& eventsReceived(receiver, "/created").keySet().containsAll(acknowledged));
				}
				finally {
					second.destroy();
					second.waitFor(30, TimeUnit.SECONDS);
				}
			}
			finally {
				channel.shutdownNow();
				first.destroyForcibly();
			}

			assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(BEFORE_CRASH + AFTER_CRASH);
			for (String path : List.of("/everything", "/created")) {
				Map<String, Set<String>> received = eventsReceived(receiver, path);
				assertThat(received.values()).as("webhook-ids per event at " + path).allSatisfy(ids -> assertThat(ids).hasSize(1));
				long copies = receiver.received(path).size();
				System.out.printf("%s: %d events acknowledged, %d received, %d copies (%d duplicates, each under its first webhook-id)%n",
						path, acknowledged.size(), received.size(), copies, copies - received.size());
			}
		}
	}

	/** Event id → the webhook-ids it arrived under. */
	private static Map<String, Set<String>> eventsReceived(WebhookReceiver receiver, String path) {
		Map<String, Set<String>> received = new HashMap<>();
		for (WebhookReceiver.Received request : receiver.received(path)) {
			Matcher matcher = EVENT_ID.matcher(request.body());
			if (matcher.find()) {
				received.computeIfAbsent(matcher.group(1), id -> ConcurrentHashMap.newKeySet()).add(request.header("webhook-id"));
			}
		}
		return received;
	}

	/** Creates events until this many more are acknowledged, or core is gone. */
	private void produce(ManagedChannel channel, int count, List<String> acknowledged) {
		EventServiceBlockingStub events = bearer(EventServiceGrpc.newBlockingStub(channel), Scopes.EVENTS_READ, Scopes.EVENTS_WRITE);
		for (int i = 0; i < count; i++) {
			try {
				acknowledged.add(events.withDeadlineAfter(10, TimeUnit.SECONDS).createEvent(CreateEventRequest.newBuilder()
					.setEvent(Drafts.event("Burst " + acknowledged.size(), Instant.parse("2031-01-01T18:00:00Z"),
							Instant.parse("2031-01-01T20:00:00Z")))
					.build()).getId());
			}
			catch (StatusRuntimeException ex) {
				if (ex.getStatus().getCode() != Status.Code.UNAVAILABLE) {
					throw ex;
				}
				return;
			}
		}
	}

	private void subscribe(ManagedChannel channel, String url, String... types) {
		bearer(WebhookServiceGrpc.newBlockingStub(channel), Scopes.WEBHOOKS_MANAGE)
			.createSubscription(CreateSubscriptionRequest.newBuilder().setUrl(url).addAllEventTypes(List.of(types)).build());
	}

	private <S extends AbstractStub<S>> S bearer(S stub, String... scopes) {
		Metadata headers = new Metadata();
		String[] asAdministrator = Arrays.copyOf(scopes, scopes.length + 1);
		asAdministrator[scopes.length] = Scopes.ADMIN;
		headers.put(CallMetadata.AUTHORIZATION, "Bearer " + TestTokens.get().user(this.admin, Set.of("ADMIN"), asAdministrator));
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private void storeAdministrator() throws Exception {
		try (Connection connection = DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(),
				this.database.password());
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO core.app_user (id, email, display_name, roles) VALUES (?, ?, 'Crash test', '{ADMIN}')")) {
			insert.setObject(1, this.admin);
			insert.setString(2, this.admin + "@example.test");
			insert.executeUpdate();
		}
	}

	private static void awaitServing(ManagedChannel channel) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
			.until(() -> HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
				.check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING);
	}

	private Process startCore(String name) throws Exception {
		Path jar = Path.of(System.getProperty("core.jar", "target/core-grpc-exec.jar"));
		Map<String, String> env = new HashMap<>();
		env.put("CONVENE_DATABASE_URL", this.database.jdbcUrl());
		env.put("CONVENE_DATABASE_USERNAME", this.database.username());
		env.put("CONVENE_DATABASE_PASSWORD", this.database.password());
		env.put("CONVENE_GRPC_PORT", Integer.toString(this.grpcPort));
		env.put("CONVENE_HTTP_PORT", Integer.toString(FreePorts.next()));
		env.put("CONVENE_CONNECTORS_GRPC_ADDRESS", "static://127.0.0.1:1");
		env.put("CONVENE_AUTH_ISSUER", TestTokens.ISSUER);
		env.put("CONVENE_AUTH_JWK_SET_URI", TestTokens.get().jwkSetUri());
		env.put("CONVENE_WEBHOOKS_ALLOW_INSECURE_TARGETS", "true");
		// Messages a dead dispatcher had taken fall due again after this, instead of two minutes.
		env.put("CONVENE_WEBHOOKS_LEASE", "5s");
		ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(new File("target/webhook-crash-" + name + ".log"));
		builder.environment().putAll(env);
		return builder.start();
	}

}
