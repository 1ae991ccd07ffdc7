package org.convene.core.webhook;

import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

	private WebhookReceiver receiver;

	private WebhookServiceBlockingStub webhooks;

	@BeforeEach
	void start() throws IOException {
		this.receiver = new WebhookReceiver().answers("/broken", 500).redirects("/moved", "/elsewhere").holds("/slow");
		UUID organizer = newUser("Olga Organizer", "ORGANIZER");
		this.webhooks = bearer(WebhookServiceGrpc.newBlockingStub(this.channel),
				this.tokens.user(organizer, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE));
	}

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	private String url(String path) {
		return this.receiver.url(path);
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

		WebhookReceiver.Received delivery = this.receiver.received().get(0);
		assertThat(attempt.getSucceeded()).isTrue();
		assertThat(attempt.getStatusCode()).isEqualTo(200);
		assertThat(attempt.getResponseExcerpt()).isEqualTo("ok");
		assertThat(delivery.header("webhook-id")).isEqualTo(attempt.getMessageId()).startsWith("msg_");
		assertThat(WebhookReceiver.standardSignatures(delivery, subscription.getSecret())).containsExactly(true);
		assertThat(field(delivery.body(), "id")).isEqualTo(attempt.getMessageId());
		assertThat(field(delivery.body(), "event")).isEqualTo("ping");
		assertThat(field(delivery.body(), "version")).isEqualTo("1.0");
		assertThat(delivery.body()).contains("\"subscriptionId\":\"" + subscription.getSubscription().getId() + "\"");
		assertThat(Instant.parse(field(delivery.body(), "timestamp"))).isBefore(Instant.now().plusSeconds(1));
		assertThat(field(delivery.body(), "signature")).isEqualTo(
				"sha256=" + HexFormat.of().formatHex(WebhookReceiver.hmac(subscription.getSecret(), signatureObject(delivery.body(), "timestamp")
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

		WebhookReceiver.Received delivery = this.receiver.received().get(0);
		assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
		assertThat(WebhookReceiver.standardSignatures(delivery, rotated.getSecret())).containsExactly(true, false);
		assertThat(WebhookReceiver.standardSignatures(delivery, first.getSecret())).containsExactly(false, true);
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
		assertThat(this.receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/moved");
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

	private static String field(String body, String name) {
		return WebhookReceiver.field(body, name);
	}

	private static String signatureObject(String body, String name) {
		return field(body.substring(body.indexOf("\"signature\":{")), name);
	}

}
