package org.convene.core.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.common.v1.proto.PageRequest;
import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.grpc.ApiError;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.CreatedSubscription;
import org.convene.webhook.v1.proto.DeliveryAttempt;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsResponse;
import org.convene.webhook.v1.proto.PingSubscriptionRequest;
import org.convene.webhook.v1.proto.RotateSecretRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.WEBHOOK_ATTEMPT;

/**
 * Pings over real HTTP to a receiver on loopback (which the operator allows here), whose
 * signatures are checked by the rules of the Standard Webhooks specification, written out in
 * this test rather than taken from Convene's code.
 */
@TestPropertySource(properties = { "convene.webhooks.allow-insecure-targets=true", "convene.webhooks.response-timeout=1s" })
class WebhookPingTests extends CoreIntegrationTest {

	private HttpServer receiver;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** Holds the slow endpoint's answer back until the test is over. */
	private final CountDownLatch testOver = new CountDownLatch(1);

	private WebhookServiceBlockingStub webhooks;

	record Received(String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.findFirst().map(entry -> entry.getValue().get(0)).orElse(null);
		}

	}

	@BeforeEach
	void start() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", exchange -> {
			this.received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			switch (exchange.getRequestURI().getPath()) {
				case "/broken" -> answer(exchange, 500, "x".repeat(10_000));
				case "/moved" -> {
					exchange.getResponseHeaders().add("Location", url("/elsewhere"));
					answer(exchange, 302, "");
				}
				case "/slow" -> {
					awaitQuietly(this.testOver);
					answer(exchange, 200, "late");
				}
				default -> answer(exchange, 200, "ok");
			}
		});
		this.receiver.start();
		UUID organizer = newUser("Olga Organizer", "ORGANIZER");
		this.webhooks = bearer(WebhookServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(organizer, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE));
	}

	@AfterEach
	void stop() {
		this.testOver.countDown();
		this.receiver.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
	}

	private CreatedSubscription subscribe(String path) {
		return this.webhooks.createSubscription(CreateSubscriptionRequest.newBuilder().setUrl(url(path)).build());
	}

	private DeliveryAttempt ping(CreatedSubscription subscription) {
		return this.webhooks.pingSubscription(PingSubscriptionRequest.newBuilder().setId(subscription.getSubscription().getId()).build());
	}

	@Test
	void deliversASignedPingInTheSpecsFormatAndLogsTheAttempt() throws Exception {
		CreatedSubscription subscription = subscribe("/hooks");

		DeliveryAttempt attempt = ping(subscription);

		Received delivery = this.received.get(0);
		assertThat(attempt.getSucceeded()).isTrue();
		assertThat(attempt.getStatusCode()).isEqualTo(200);
		assertThat(attempt.getResponseExcerpt()).isEqualTo("ok");
		assertThat(delivery.header("webhook-id")).isEqualTo(attempt.getMessageId()).startsWith("msg_");
		assertThat(standardSignatures(delivery, subscription.getSecret())).containsExactly(true);
		assertThat(field(delivery.body(), "id")).isEqualTo(attempt.getMessageId());
		assertThat(field(delivery.body(), "event")).isEqualTo("ping");
		assertThat(field(delivery.body(), "version")).isEqualTo("1.0");
		assertThat(delivery.body()).contains("\"subscriptionId\":\"" + subscription.getSubscription().getId() + "\"");
		assertThat(Instant.parse(field(delivery.body(), "timestamp"))).isBefore(Instant.now().plusSeconds(1));
		assertThat(field(delivery.body(), "signature")).isEqualTo(
				"sha256=" + HexFormat.of().formatHex(hmac(subscription.getSecret(), signatureObject(delivery.body(), "timestamp")
						+ "." + signatureObject(delivery.body(), "token"))));
		assertThat(this.db.fetchCount(WEBHOOK_ATTEMPT, WEBHOOK_ATTEMPT.MESSAGE_ID.eq(attempt.getMessageId())
			.and(WEBHOOK_ATTEMPT.SUCCEEDED.isTrue()).and(WEBHOOK_ATTEMPT.STATUS_CODE.eq(200)))).isEqualTo(1);
	}

	@Test
	void signsWithBothSecretsWhileARotationOverlaps() throws Exception {
		CreatedSubscription first = subscribe("/hooks");
		CreatedSubscription rotated = this.webhooks.rotateSecret(RotateSecretRequest.newBuilder()
			.setId(first.getSubscription().getId()).setOverlapSeconds(600).build());

		ping(rotated);

		Received delivery = this.received.get(0);
		assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
		assertThat(standardSignatures(delivery, rotated.getSecret())).containsExactly(true, false);
		assertThat(standardSignatures(delivery, first.getSecret())).containsExactly(false, true);
	}

	@Test
	void reportsAFailingEndpointWithAnExcerptOfItsAnswer() {
		DeliveryAttempt attempt = ping(subscribe("/broken"));

		assertThat(attempt.getSucceeded()).isFalse();
		assertThat(attempt.getStatusCode()).isEqualTo(500);
		assertThat(attempt.getResponseExcerpt()).hasSize(1024);
	}

	@Test
	void followsNoRedirect() {
		DeliveryAttempt attempt = ping(subscribe("/moved"));

		assertThat(attempt.getSucceeded()).isFalse();
		assertThat(attempt.getStatusCode()).isEqualTo(302);
		assertThat(attempt.getError()).isEqualTo("Redirects are not followed");
		assertThat(this.received).extracting(Received::path).containsExactly("/moved");
	}

	@Test
	void givesUpOnAnEndpointThatAnswersTooSlowly() {
		DeliveryAttempt attempt = ping(subscribe("/slow"));

		assertThat(attempt.getSucceeded()).isFalse();
		assertThat(attempt.getStatusCode()).isZero();
		assertThat(attempt.getError()).containsIgnoringCase("timeout");
		assertThat(attempt.getLatencyMs()).isBetween(900, 2900);
	}

	@Test
	void listsTheDeliveryLogNewestFirstPageByPageForItsOwnerOnly() {
		CreatedSubscription subscription = subscribe("/hooks");
		List<String> pinged = List.of(ping(subscription).getMessageId(), ping(subscription).getMessageId(),
				ping(subscription).getMessageId());
		String id = subscription.getSubscription().getId();

		ListDeliveryAttemptsResponse first = this.webhooks.listDeliveryAttempts(ListDeliveryAttemptsRequest.newBuilder()
			.setSubscriptionId(id).setPage(PageRequest.newBuilder().setPageSize(2)).build());
		ListDeliveryAttemptsResponse second = this.webhooks.listDeliveryAttempts(ListDeliveryAttemptsRequest.newBuilder()
			.setSubscriptionId(id).setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(first.getPageInfo().getNextPageToken()))
			.build());

		assertThat(first.getAttemptsList()).extracting(DeliveryAttempt::getMessageId).containsExactly(pinged.get(2), pinged.get(1));
		assertThat(first.getPageInfo().getHasNextPage()).isTrue();
		assertThat(second.getAttemptsList()).extracting(DeliveryAttempt::getMessageId).containsExactly(pinged.get(0));
		assertThat(second.getPageInfo().getHasNextPage()).isFalse();
		assertThat(second.getAttemptsList().get(0).getSucceeded()).isTrue();
		UUID other = newUser("Otto Other", "ORGANIZER");
		WebhookServiceBlockingStub otherWebhooks = bearer(WebhookServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(other, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE));
		assertThat(ApiError.fromThrowable(failureOf(() -> otherWebhooks.listDeliveryAttempts(ListDeliveryAttemptsRequest
			.newBuilder().setSubscriptionId(id).build()))).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
		assertThat(ApiError.fromThrowable(failureOf(() -> this.webhooks.listDeliveryAttempts(ListDeliveryAttemptsRequest
			.newBuilder().setSubscriptionId(id).setPage(PageRequest.newBuilder().setPageToken("forged")).build()))).target())
			.isEqualTo("cursor");
	}

	/** For each signature of the header: whether it is the secret's, per Standard Webhooks. */
	private static List<Boolean> standardSignatures(Received delivery, String secret) throws Exception {
		String signed = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + "." + delivery.body();
		String expected = Base64.getEncoder().encodeToString(hmac(secret, signed));
		return Arrays.stream(delivery.header("webhook-signature").split(" "))
			.map(signature -> signature.equals("v1," + expected))
			.toList();
	}

	private static byte[] hmac(String secret, String content) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
	}

	/** The first string value of a field of the body. */
	private static String field(String body, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String signatureObject(String body, String name) {
		return field(body.substring(body.indexOf("\"signature\":{")), name);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
