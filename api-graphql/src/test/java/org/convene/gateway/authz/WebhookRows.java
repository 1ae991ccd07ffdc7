package org.convene.gateway.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.google.protobuf.FieldMask;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.DeleteSubscriptionRequest;
import org.convene.webhook.v1.proto.GetSubscriptionRequest;
import org.convene.webhook.v1.proto.ListDeliveriesRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.ListSubscriptionsRequest;
import org.convene.webhook.v1.proto.PingSubscriptionRequest;
import org.convene.webhook.v1.proto.RedeliverEventRequest;
import org.convene.webhook.v1.proto.RotateSecretRequest;
import org.convene.webhook.v1.proto.UpdateSubscriptionRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;

/** The matrix rows of webhook subscriptions; "the owner's subscription" is the owner's own. */
final class WebhookRows {

	/** A public address (TEST-NET-3), which needs no DNS. */
	private static final String TARGET = "https://203.0.113.10/matrix";

	private final Doors doors;

	private final Callers callers;

	private final WebTestClient anonymous;

	/** A domain event the owner may receive: the creation of an event of theirs. */
	private final Supplier<String> ownersDomainEvent;

	WebhookRows(Doors doors, Callers callers, WebTestClient anonymous, Supplier<String> ownersDomainEvent) {
		this.doors = doors;
		this.callers = callers;
		this.anonymous = anonymous;
		this.ownersDomainEvent = ownersDomainEvent;
	}

	List<Operation> all() {
		Map<String, Object> create = Map.of("url", TARGET, "eventTypes", List.of("registration.confirmed"));
		List<Operation> ops = new ArrayList<>();
		ops.add(row("POST /api/v1/webhooks", Expect.subscribers(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/webhooks", create)));
		ops.add(row("GET /api/v1/webhooks", Expect.subscribers(), (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/webhooks", null)));
		ops.add(row("GET /api/v1/webhooks/{id}", Expect.subscriptionOwner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/webhooks/" + ownersSubscription(), null)));
		ops.add(row("PATCH /api/v1/webhooks/{id}", Expect.subscriptionOwner(), (w, c) -> doors.rest(c, HttpMethod.PATCH,
				"/api/v1/webhooks/" + ownersSubscription(), Map.of("description", "Changed"))));
		ops.add(row("POST /api/v1/webhooks/{id}/rotate-secret", Expect.subscriptionOwner(), (w, c) -> doors.rest(c,
				HttpMethod.POST, "/api/v1/webhooks/" + ownersSubscription() + "/rotate-secret", null)));
		ops.add(row("POST /api/v1/webhooks/{id}/ping", Expect.subscriptionOwner(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/webhooks/" + ownersSubscription() + "/ping", null)));
		ops.add(row("GET /api/v1/webhooks/{id}/attempts", Expect.subscriptionOwner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/webhooks/" + ownersSubscription() + "/attempts", null)));
		ops.add(row("GET /api/v1/webhooks/{id}/deliveries", Expect.subscriptionOwner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/webhooks/" + ownersSubscription() + "/deliveries", null)));
		ops.add(row("POST /api/v1/webhooks/{id}/events/{eventId}/redeliver", Expect.subscriptionOwner(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/webhooks/" + ownersSubscription() + "/events/"
						+ this.ownersDomainEvent.get() + "/redeliver", null)));
		ops.add(row("DELETE /api/v1/webhooks/{id}", Expect.subscriptionOwner(),
				(w, c) -> doors.rest(c, HttpMethod.DELETE, "/api/v1/webhooks/" + ownersSubscription(), null)));

		ops.add(row("Query.webhookSubscriptions", Expect.subscribers(),
				(w, c) -> doors.graphQl(c, "{ webhookSubscriptions { id } }", Map.of(), "webhookSubscriptions")));
		ops.add(row("Query.webhookSubscription", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { webhookSubscription(id: $id) { id } }", Map.of("id", ownersSubscription()), "webhookSubscription")));
		ops.add(row("Query.webhookDeliveryAttempts", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { webhookDeliveryAttempts(subscriptionId: $id) { nodes { messageId } } }",
				Map.of("id", ownersSubscription()), "webhookDeliveryAttempts")));
		ops.add(row("Query.webhookDeliveries", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { webhookDeliveries(subscriptionId: $id) { nodes { messageId } } }",
				Map.of("id", ownersSubscription()), "webhookDeliveries")));
		ops.add(row("Mutation.redeliverWebhookEvent", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"mutation($input: RedeliverWebhookEventInput!) { redeliverWebhookEvent(input: $input) { __typename } }",
				Map.of("input", Map.of("subscriptionId", ownersSubscription(), "eventId", this.ownersDomainEvent.get())),
				"redeliverWebhookEvent")));
		ops.add(row("Mutation.createWebhookSubscription", Expect.subscribers(), (w, c) -> doors.graphQl(c,
				"mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { __typename } }",
				Map.of("input", create), "createWebhookSubscription")));
		ops.add(row("Mutation.updateWebhookSubscription", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { __typename } }",
				Map.of("input", Map.of("id", ownersSubscription(), "description", "Changed")), "updateWebhookSubscription")));
		ops.add(row("Mutation.rotateWebhookSecret", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { __typename } }",
				Map.of("input", Map.of("id", ownersSubscription())), "rotateWebhookSecret")));
		ops.add(row("Mutation.pingWebhookSubscription", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"mutation($input: PingWebhookSubscriptionInput!) { pingWebhookSubscription(input: $input) { __typename } }",
				Map.of("input", Map.of("id", ownersSubscription())), "pingWebhookSubscription")));
		ops.add(row("Mutation.deleteWebhookSubscription", Expect.subscriptionOwner(), (w, c) -> doors.graphQl(c,
				"mutation($input: DeleteWebhookSubscriptionInput!) { deleteWebhookSubscription(input: $input) { __typename } }",
				Map.of("input", Map.of("id", ownersSubscription())), "deleteWebhookSubscription")));

		String service = "convene.webhook.v1.WebhookService/";
		ops.add(row(service + "CreateSubscription", Expect.subscribers(), (w, c) -> doors.grpc(c, WebhookServiceGrpc::newBlockingStub,
				s -> s.createSubscription(CreateSubscriptionRequest.newBuilder().setUrl(TARGET).build()))));
		ops.add(row(service + "ListSubscriptions", Expect.subscribers(), (w, c) -> doors.grpc(c, WebhookServiceGrpc::newBlockingStub,
				s -> s.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()))));
		ops.add(row(service + "GetSubscription", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c, WebhookServiceGrpc::newBlockingStub,
				s -> s.getSubscription(GetSubscriptionRequest.newBuilder().setId(ownersSubscription()).build()))));
		ops.add(row(service + "UpdateSubscription", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c,
				WebhookServiceGrpc::newBlockingStub, s -> s.updateSubscription(UpdateSubscriptionRequest.newBuilder()
					.setId(ownersSubscription()).setDescription("Changed").setUpdateMask(FieldMask.newBuilder().addPaths("description"))
					.build()))));
		ops.add(row(service + "RotateSecret", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c, WebhookServiceGrpc::newBlockingStub,
				s -> s.rotateSecret(RotateSecretRequest.newBuilder().setId(ownersSubscription()).build()))));
		ops.add(row(service + "PingSubscription", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c,
				WebhookServiceGrpc::newBlockingStub,
				s -> s.pingSubscription(PingSubscriptionRequest.newBuilder().setId(ownersSubscription()).build()))));
		ops.add(row(service + "ListDeliveryAttempts", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c,
				WebhookServiceGrpc::newBlockingStub, s -> s.listDeliveryAttempts(ListDeliveryAttemptsRequest.newBuilder()
					.setSubscriptionId(ownersSubscription()).build()))));
		ops.add(row(service + "ListDeliveries", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c,
				WebhookServiceGrpc::newBlockingStub, s -> s.listDeliveries(ListDeliveriesRequest.newBuilder()
					.setSubscriptionId(ownersSubscription()).build()))));
		ops.add(row(service + "RedeliverEvent", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c,
				WebhookServiceGrpc::newBlockingStub, s -> s.redeliverEvent(RedeliverEventRequest.newBuilder()
					.setSubscriptionId(ownersSubscription()).setEventId(this.ownersDomainEvent.get()).build()))));
		ops.add(row(service + "DeleteSubscription", Expect.subscriptionOwner(), (w, c) -> doors.grpc(c,
				WebhookServiceGrpc::newBlockingStub,
				s -> s.deleteSubscription(DeleteSubscriptionRequest.newBuilder().setId(ownersSubscription()).build()))));
		return ops;
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

	/**
	 * A fresh subscription of the owner's, made with the owner's own token. The owner's older
	 * ones are deleted first when they near the limit of 50 per owner, which the matrix, making
	 * one per call, would otherwise reach.
	 */
	private String ownersSubscription() {
		String owner = this.callers.get(Who.OWNER).authorization();
		List<?> existing = (List<?>) this.anonymous.get().uri("/api/v1/webhooks").header("Authorization", owner)
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("data");
		if (existing.size() >= 40) {
			existing.forEach(subscription -> this.anonymous.delete().uri("/api/v1/webhooks/{id}", ((Map<?, ?>) subscription).get("id"))
				.header("Authorization", owner).exchange().expectStatus().isNoContent());
		}
		Map<?, ?> created = this.anonymous.post().uri("/api/v1/webhooks")
			.header("Authorization", owner)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", TARGET))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) ((Map<?, ?>) created.get("subscription")).get("id");
	}

}
