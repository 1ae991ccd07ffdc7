package org.convene.gateway.webhook;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.paging.Pagination;
import org.convene.gateway.web.DataList;
import org.convene.gateway.web.Etags;
import org.convene.webhook.v1.proto.DeleteSubscriptionRequest;
import org.convene.webhook.v1.proto.GetSubscriptionRequest;
import org.convene.webhook.v1.proto.ListSubscriptionsRequest;
import org.convene.webhook.v1.proto.PingSubscriptionRequest;
import org.convene.webhook.v1.proto.RedeliverEventRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
@Tag(name = "Webhooks", description = "Where Convene delivers its domain events, signed (webhooks:manage)")
class WebhookRestController {

	private final WebhookServiceBlockingStub webhooks;

	private final DeliveryLog log;

	WebhookRestController(WebhookServiceBlockingStub webhooks, DeliveryLog log) {
		this.webhooks = webhooks;
		this.log = log;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Subscribe to webhooks", description = "Body: url (https, a public host), description, "
			+ "eventTypes (empty or absent for all), retryPolicy {maxAttempts, maxIntervalSeconds}. For organizers, "
			+ "administrators and partner clients. The answer holds the signing secret, shown only this once.")
	ResponseEntity<CreatedWebhookSubscription> create(@RequestBody Map<String, Object> body) {
		CreatedWebhookSubscription created = CreatedWebhookSubscription.of(this.webhooks.createSubscription(WebhookInputs.create(body)));
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id()))
			.eTag(created.subscription().etag())
			.cacheControl(CacheControl.noStore())
			.body(created);
	}

	@GetMapping
	@Operation(summary = "List webhook subscriptions", description = "The caller's, newest first (at most 50); an "
			+ "administrator lists another owner's with owner=user:<id> or owner=client:<id>.")
	DataList<SubscriptionView> list(@RequestParam(required = false) String owner) {
		ListSubscriptionsRequest.Builder request = ListSubscriptionsRequest.newBuilder();
		if (owner != null) {
			request.setOwner(owner.strip());
		}
		List<SubscriptionView> subscriptions = this.webhooks.listSubscriptions(request.build()).getSubscriptionsList()
			.stream().map(SubscriptionView::of).toList();
		return new DataList<>(subscriptions);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a webhook subscription")
	ResponseEntity<SubscriptionView> get(@PathVariable String id) {
		SubscriptionView view = SubscriptionView.of(this.webhooks.getSubscription(GetSubscriptionRequest.newBuilder().setId(id).build()));
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a webhook subscription", description = "Fields given are changed: url, description, "
			+ "eventTypes, enabled, retryPolicy (null clears the description, and the event types: then all are "
			+ "delivered). If-Match makes it conditional (412 when stale).")
	ResponseEntity<SubscriptionView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		SubscriptionView view = SubscriptionView.of(this.webhooks.updateSubscription(
				WebhookInputs.update(id, body, Etags.version(ifMatch))));
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@PostMapping("/{id}/rotate-secret")
	@Operation(summary = "Rotate the signing secret", description = "Body (optional): {overlapSeconds}, 0 to 604800, "
			+ "default 86400: how long the previous secret keeps signing deliveries too. The answer holds the new "
			+ "secret, shown only this once.")
	ResponseEntity<CreatedWebhookSubscription> rotate(@PathVariable String id,
			@RequestBody(required = false) Map<String, Object> body) {
		CreatedWebhookSubscription rotated = CreatedWebhookSubscription.of(this.webhooks.rotateSecret(WebhookInputs.rotate(id, body)));
		return ResponseEntity.ok().eTag(rotated.subscription().etag()).cacheControl(CacheControl.noStore()).body(rotated);
	}

	@PostMapping("/{id}/ping")
	@Operation(summary = "Send a test event", description = "Delivers a signed ping event to the endpoint now and "
			+ "answers what it did (status, latency, the start of its answer, or why it failed); the attempt is "
			+ "logged. Also for disabled subscriptions, to check an endpoint before enabling it.")
	WebhookDeliveryAttempt ping(@PathVariable String id) {
		return WebhookDeliveryAttempt.of(this.webhooks.pingSubscription(PingSubscriptionRequest.newBuilder().setId(id).build()));
	}

	@GetMapping("/{id}/attempts")
	@Operation(summary = "The delivery log of a subscription", description = "Every attempt, newest first: when, "
			+ "status code, latency, the start of the answer, or the error, and when a failed one is retried; with "
			+ "eventId, the attempts for that domain event. Pages by cursor only: pageSize (at most 100) and the "
			+ "nextCursor of the previous page, also in the Link header (rel=next).")
	ResponseEntity<DeliveryLog.Page<WebhookDeliveryAttempt>> attempts(@PathVariable String id,
			@RequestParam(required = false) String eventId, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String cursor) {
		DeliveryLog.Page<WebhookDeliveryAttempt> page = this.log.attempts(id, eventId, pageSize, cursor);
		return ResponseEntity.ok().headers(Pagination.nextCursorLink(page.nextCursor())).body(page);
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "The messages of a subscription", description = "One per domain event delivered to it, newest "
			+ "first, with where it stands: PENDING (and when it is tried next), DELIVERED or FAILED; status filters. "
			+ "Pages like the attempts.")
	ResponseEntity<DeliveryLog.Page<WebhookDelivery>> deliveries(@PathVariable String id,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String cursor) {
		DeliveryLog.Page<WebhookDelivery> page = this.log.deliveries(id, status, pageSize, cursor);
		return ResponseEntity.ok().headers(Pagination.nextCursorLink(page.nextCursor())).body(page);
	}

	@PostMapping("/{id}/events/{eventId}/redeliver")
	@Operation(summary = "Redeliver a past event", description = "Queues the domain event for the subscription again, "
			+ "under the message id (webhook-id) it had, with a fresh retry schedule; 202 with the queued message. Any "
			+ "event the owner may receive, also of a type the subscription does not select. 409 while the "
			+ "subscription is disabled.")
	ResponseEntity<WebhookDelivery> redeliver(@PathVariable String id, @PathVariable String eventId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(WebhookDelivery.of(this.webhooks.redeliverEvent(
				RedeliverEventRequest.newBuilder().setSubscriptionId(id).setEventId(eventId).build())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a webhook subscription", description = "Nothing more is delivered to it.")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.webhooks.deleteSubscription(DeleteSubscriptionRequest.newBuilder().setId(id).build());
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

}
