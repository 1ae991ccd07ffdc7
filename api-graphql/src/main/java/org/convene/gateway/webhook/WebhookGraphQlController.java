package org.convene.gateway.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.webhook.v1.proto.DeleteSubscriptionRequest;
import org.convene.webhook.v1.proto.GetSubscriptionRequest;
import org.convene.webhook.v1.proto.ListSubscriptionsRequest;
import org.convene.webhook.v1.proto.PingSubscriptionRequest;
import org.convene.webhook.v1.proto.RedeliverEventRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

@Controller
class WebhookGraphQlController {

	private final WebhookServiceBlockingStub webhooks;

	private final DeliveryLog log;

	WebhookGraphQlController(WebhookServiceBlockingStub webhooks, DeliveryLog log) {
		this.webhooks = webhooks;
		this.log = log;
	}

	@QueryMapping
	List<SubscriptionView> webhookSubscriptions(@Argument String owner) {
		ListSubscriptionsRequest.Builder request = ListSubscriptionsRequest.newBuilder();
		if (owner != null) {
			request.setOwner(owner);
		}
		return this.webhooks.listSubscriptions(request.build()).getSubscriptionsList().stream().map(SubscriptionView::of).toList();
	}

	@QueryMapping
	SubscriptionView webhookSubscription(@Argument String id) {
		return SubscriptionView.of(this.webhooks.getSubscription(GetSubscriptionRequest.newBuilder().setId(id).build()));
	}

	@QueryMapping
	LogConnection<WebhookDeliveryAttempt> webhookDeliveryAttempts(@Argument String subscriptionId, @Argument String eventId,
			@Argument Integer first, @Argument String after) {
		return LogConnection.of(this.log.attempts(subscriptionId, eventId, first, after), after);
	}

	@QueryMapping
	LogConnection<WebhookDelivery> webhookDeliveries(@Argument String subscriptionId, @Argument String status,
			@Argument Integer first, @Argument String after) {
		return LogConnection.of(this.log.deliveries(subscriptionId, status, first, after), after);
	}

	@MutationMapping
	Object redeliverWebhookEvent(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> WebhookDelivery.of(this.webhooks.redeliverEvent(RedeliverEventRequest.newBuilder()
			.setSubscriptionId((String) input.get("subscriptionId"))
			.setEventId((String) input.get("eventId"))
			.build())));
	}

	@MutationMapping
	Object createWebhookSubscription(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> CreatedWebhookSubscription.of(this.webhooks.createSubscription(WebhookInputs.create(input))));
	}

	@MutationMapping
	Object updateWebhookSubscription(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		Object expectedVersion = fields.remove("expectedVersion");
		long version = expectedVersion == null ? 0 : ((Number) expectedVersion).longValue();
		return UserErrors.orUserError(() -> new WebhookSubscriptionResult(SubscriptionView.of(this.webhooks.updateSubscription(
				WebhookInputs.update(id, fields, version)))));
	}

	@MutationMapping
	Object rotateWebhookSecret(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		return UserErrors.orUserError(() -> CreatedWebhookSubscription.of(this.webhooks.rotateSecret(WebhookInputs.rotate(id, fields))));
	}

	@MutationMapping
	Object pingWebhookSubscription(@Argument Map<String, Object> input) {
		String id = (String) input.get("id");
		return UserErrors.orUserError(() -> WebhookDeliveryAttempt.of(this.webhooks.pingSubscription(
				PingSubscriptionRequest.newBuilder().setId(id).build())));
	}

	@MutationMapping
	Object deleteWebhookSubscription(@Argument Map<String, Object> input) {
		String id = (String) input.get("id");
		return UserErrors.orUserError(() -> {
			this.webhooks.deleteSubscription(DeleteSubscriptionRequest.newBuilder().setId(id).build());
			return new DeletedWebhookSubscription(id);
		});
	}

	/** A page of attempts or messages; pageInfo.endCursor is the after of the next, older page. */
	record LogConnection<T>(List<T> nodes, Connection.PageInfoView pageInfo) {

		static <T> LogConnection<T> of(DeliveryLog.Page<T> page, String after) {
			return new LogConnection<>(page.data(),
					new Connection.PageInfoView(page.hasNextPage(), after != null, null, page.nextCursor()));
		}

	}

	/** The subscription a change produced. */
	record WebhookSubscriptionResult(SubscriptionView subscription) {
	}

	/** The id of a deleted subscription. */
	record DeletedWebhookSubscription(String id) {
	}

}
