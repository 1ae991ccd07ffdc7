package org.convene.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.CreatedSubscription;
import org.convene.webhook.v1.proto.DeleteSubscriptionRequest;
import org.convene.webhook.v1.proto.GetSubscriptionRequest;
import org.convene.webhook.v1.proto.ListSubscriptionsRequest;
import org.convene.webhook.v1.proto.RetryPolicy;
import org.convene.webhook.v1.proto.RotateSecretRequest;
import org.convene.webhook.v1.proto.Subscription;
import org.convene.webhook.v1.proto.UpdateSubscriptionRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.WEBHOOK_SUBSCRIPTION;

/** Webhook subscriptions through the real gRPC service, against real PostgreSQL. */
class WebhookSubscriptionTests extends CoreIntegrationTest {

	/** A public address (TEST-NET-3), which needs no DNS. */
	private static final String TARGET = "https://203.0.113.10/convene";

	private UUID organizer;

	private WebhookServiceBlockingStub organizerWebhooks;

	@BeforeEach
	void organizer() {
		this.organizer = newUser("Olga Organizer", "ORGANIZER");
		this.organizerWebhooks = as(this.tokens.user(this.organizer, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE));
	}

	private WebhookServiceBlockingStub as(String token) {
		return bearer(WebhookServiceGrpc.newBlockingStub(this.channel), token);
	}

	private static CreateSubscriptionRequest.Builder subscription(String url) {
		return CreateSubscriptionRequest.newBuilder().setUrl(url).setDescription("CRM sync")
			.addEventTypes("registration.confirmed").addEventTypes("registration.cancelled");
	}

	private static ApiError errorOf(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure);
	}

	private WebhookSubscriptionRecord row(String id) {
		return this.db.fetchOne(WEBHOOK_SUBSCRIPTION, WEBHOOK_SUBSCRIPTION.ID.eq(UUID.fromString(id)));
	}

	@Test
	void registersASubscriptionWithASecretShownOnceAndTheDefaultRetryPolicy() {
		CreatedSubscription created = this.organizerWebhooks.createSubscription(subscription(TARGET).build());
		Subscription subscription = created.getSubscription();

		assertThat(created.getSecret()).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(created.getSecret().substring(6))).hasSize(32);
		assertThat(subscription.getOwner()).isEqualTo("user:" + this.organizer);
		assertThat(subscription.getSecretPrefix()).isEqualTo(created.getSecret().substring(0, 10));
		assertThat(subscription.getEventTypesList()).containsExactly("registration.confirmed", "registration.cancelled");
		assertThat(subscription.getEnabled()).isTrue();
		assertThat(subscription.getRetryPolicy()).isEqualTo(RetryPolicy.newBuilder().setMaxAttempts(13).setMaxIntervalSeconds(36_000).build());
		assertThat(this.organizerWebhooks.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()).getSubscriptionsList())
			.containsExactly(subscription);
		assertThat(this.organizerWebhooks.getSubscription(GetSubscriptionRequest.newBuilder().setId(subscription.getId()).build()))
			.isEqualTo(subscription);
	}

	@Test
	void refusesTargetsThatAreNotPublicHttpsUrlsAndUnknownEventTypes() {
		for (String url : new String[] { "http://203.0.113.10/hook", "https://127.0.0.1/hook", "https://localhost:8443/hook",
				"https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data",
				"https://[::1]/hook", "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://user:pw@203.0.113.10/hook",
				"not a url", "/relative" }) {
			StatusRuntimeException refused = failureOf(() -> this.organizerWebhooks.createSubscription(subscription(url).build()));
			assertThat(errorOf(refused).code()).as(url).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(errorOf(refused).target()).as(url).isEqualTo("url");
		}
		StatusRuntimeException unknownType = failureOf(() -> this.organizerWebhooks.createSubscription(
				subscription(TARGET).addEventTypes("event.exploded").build()));
		assertThat(errorOf(unknownType).target()).isEqualTo("eventTypes[2]");
		assertThat(this.db.fetchCount(WEBHOOK_SUBSCRIPTION, WEBHOOK_SUBSCRIPTION.OWNER.eq("user:" + this.organizer))).isZero();
	}

	@Test
	void belongsToItsOwnerAlone() {
		Subscription subscription = this.organizerWebhooks.createSubscription(subscription(TARGET).build()).getSubscription();
		UUID other = newUser("Otto Other", "ORGANIZER");
		WebhookServiceBlockingStub otherWebhooks = as(this.tokens.user(other, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE));
		WebhookServiceBlockingStub admin = as(this.tokens.user(this.adminId, Set.of("ADMIN"), Scopes.WEBHOOKS_MANAGE, Scopes.ADMIN));
		GetSubscriptionRequest get = GetSubscriptionRequest.newBuilder().setId(subscription.getId()).build();

		assertThat(errorOf(failureOf(() -> otherWebhooks.getSubscription(get))).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
		assertThat(otherWebhooks.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()).getSubscriptionsList()).isEmpty();
		assertThat(admin.getSubscription(get)).isEqualTo(subscription);
		assertThat(admin.listSubscriptions(ListSubscriptionsRequest.newBuilder().setOwner("user:" + this.organizer).build())
			.getSubscriptionsList()).containsExactly(subscription);
		assertThat(errorOf(failureOf(() -> otherWebhooks.listSubscriptions(ListSubscriptionsRequest.newBuilder()
			.setOwner("user:" + this.organizer).build()))).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
	}

	@Test
	void belongsToAPartnerClientThatActsForNoUser() {
		WebhookServiceBlockingStub partner = as(this.tokens.client("crm-partner", null, Set.of(), Scopes.WEBHOOKS_MANAGE));

		Subscription subscription = partner.createSubscription(subscription(TARGET).build()).getSubscription();

		assertThat(subscription.getOwner()).isEqualTo("client:crm-partner");
	}

	@Test
	void isForOrganizersAdministratorsAndPartnersWithTheScope() {
		UUID attendee = newUser("Anna Attendee");
		WebhookServiceBlockingStub attendeeWebhooks = as(this.tokens.user(attendee, Set.of("ATTENDEE"), Scopes.WEBHOOKS_MANAGE));
		WebhookServiceBlockingStub withoutScope = as(this.tokens.user(this.organizer, Set.of("ORGANIZER"), Scopes.EVENTS_READ));

		assertThat(errorOf(failureOf(() -> attendeeWebhooks.createSubscription(subscription(TARGET).build()))).code())
			.isEqualTo(ErrorCode.PERMISSION_DENIED);
		assertThat(errorOf(failureOf(() -> withoutScope.createSubscription(subscription(TARGET).build()))).code())
			.isEqualTo(ErrorCode.PERMISSION_DENIED);
		assertThat(errorOf(failureOf(() -> WebhookServiceGrpc.newBlockingStub(this.channel)
			.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()))).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void rotatesTheSecretKeepingThePreviousOneForTheOverlap() {
		CreatedSubscription created = this.organizerWebhooks.createSubscription(subscription(TARGET).build());
		String id = created.getSubscription().getId();

		CreatedSubscription rotated = this.organizerWebhooks.rotateSecret(RotateSecretRequest.newBuilder().setId(id)
			.setOverlapSeconds(3600).build());

		WebhookSubscriptionRecord row = row(id);
		assertThat(rotated.getSecret()).startsWith("whsec_").isNotEqualTo(created.getSecret());
		assertThat(row.getSecret()).isEqualTo(rotated.getSecret());
		assertThat(row.getPreviousSecret()).isEqualTo(created.getSecret());
		assertThat(ProtoTime.toInstant(rotated.getSubscription().getPreviousSecretExpiresAt()))
			.isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
		assertThat(rotated.getSubscription().getVersion()).isEqualTo(2);
		assertThat(errorOf(failureOf(() -> this.organizerWebhooks.rotateSecret(RotateSecretRequest.newBuilder().setId(id)
			.setOverlapSeconds(8 * 86_400).build()))).target()).isEqualTo("overlapSeconds");
	}

	@Test
	void changesTheFieldsNamedDisablesWithAReasonAndRefusesAStaleVersion() {
		Subscription subscription = this.organizerWebhooks.createSubscription(subscription(TARGET).build()).getSubscription();

		Subscription changed = this.organizerWebhooks.updateSubscription(UpdateSubscriptionRequest.newBuilder()
			.setId(subscription.getId()).setEnabled(false).addEventTypes("checkin.completed")
			.setRetryPolicy(RetryPolicy.newBuilder().setMaxAttempts(3).setMaxIntervalSeconds(600))
			.setUpdateMask(FieldMask.newBuilder().addPaths("enabled").addPaths("event_types").addPaths("retry_policy"))
			.setExpectedVersion(1).build());

		assertThat(changed.getEnabled()).isFalse();
		assertThat(changed.getDisabledReason()).isEqualTo("Disabled by its owner");
		assertThat(changed.getEventTypesList()).containsExactly("checkin.completed");
		assertThat(changed.getRetryPolicy().getMaxAttempts()).isEqualTo(3);
		assertThat(changed.getDescription()).isEqualTo("CRM sync");
		StatusRuntimeException stale = failureOf(() -> this.organizerWebhooks.updateSubscription(UpdateSubscriptionRequest
			.newBuilder().setId(subscription.getId()).setDescription("Stale")
			.setUpdateMask(FieldMask.newBuilder().addPaths("description")).setExpectedVersion(1).build()));
		assertThat(errorOf(stale).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
		StatusRuntimeException badUrl = failureOf(() -> this.organizerWebhooks.updateSubscription(UpdateSubscriptionRequest
			.newBuilder().setId(subscription.getId()).setUrl("https://10.0.0.1/")
			.setUpdateMask(FieldMask.newBuilder().addPaths("url")).build()));
		assertThat(errorOf(badUrl).target()).isEqualTo("url");
		assertThat(row(subscription.getId()).getUrl()).isEqualTo(TARGET);
	}

	@Test
	void deletesASubscription() {
		Subscription subscription = this.organizerWebhooks.createSubscription(subscription(TARGET).build()).getSubscription();

		this.organizerWebhooks.deleteSubscription(DeleteSubscriptionRequest.newBuilder().setId(subscription.getId()).build());

		assertThat(row(subscription.getId())).isNull();
		assertThat(errorOf(failureOf(() -> this.organizerWebhooks.deleteSubscription(DeleteSubscriptionRequest.newBuilder()
			.setId(subscription.getId()).build()))).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
	}

}
