package org.convene.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.TicketType;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.CreatedSubscription;
import org.convene.webhook.v1.proto.Delivery;
import org.convene.webhook.v1.proto.DeliveryAttempt;
import org.convene.webhook.v1.proto.GetSubscriptionRequest;
import org.convene.webhook.v1.proto.ListDeliveriesRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.RedeliverEventRequest;
import org.convene.webhook.v1.proto.RetryPolicy;
import org.convene.webhook.v1.proto.Subscription;
import org.convene.webhook.v1.proto.UpdateSubscriptionRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.OUTBOX;

/**
 * Domain events reach subscriptions through the outbox, over real HTTP to receivers on
 * loopback: every event type there is, signed; only to owners who may read them; retried with
 * growing waits under one message id; given up on, disabled, redelivered. Waits are shortened
 * here (first retry 200 ms, endpoints disabled after 4 s of failing) so the schedule can be watched.
 */
@TestPropertySource(properties = { "convene.webhooks.allow-insecure-targets=true", "convene.webhooks.response-timeout=1s",
		"convene.webhooks.first-retry=200ms", "convene.webhooks.poll-interval=100ms", "convene.webhooks.disable-after=4s" })
class WebhookDeliveryTests extends RegistrationIntegrationTest {

	private static final Duration PROMPTLY = Duration.ofSeconds(10);

	private WebhookReceiver receiver;

	private WebhookServiceBlockingStub organizerWebhooks;

	@BeforeEach
	void receiver() throws Exception {
		this.receiver = new WebhookReceiver();
		this.organizerWebhooks = webhooksOf(this.tokens.user(this.organizer, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE));
	}

	@AfterEach
	void closeReceiver() {
		this.receiver.close();
	}

	private WebhookServiceBlockingStub webhooksOf(String token) {
		return bearer(WebhookServiceGrpc.newBlockingStub(this.channel), token);
	}

	private CreatedSubscription subscribe(WebhookServiceBlockingStub webhooks, String path, String... types) {
		return webhooks.createSubscription(CreateSubscriptionRequest.newBuilder()
			.setUrl(this.receiver.url(path))
			.addAllEventTypes(List.of(types))
			.build());
	}

	@Test
	void deliversEveryEventTypeOfTheOrganizersEventSignedAndOnce() {
		CreatedSubscription subscription = subscribe(this.organizerWebhooks, "/all");
		Event draft = this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Webhook night", START, START.plus(Duration.ofHours(3))))
			.build());
		this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder().setId(draft.getId())
			.setEvent(EventDraft.newBuilder().setCapacity(50)).setUpdateMask(FieldMask.newBuilder().addPaths("capacity")).build());
		Event event = this.organizerEvents.publishEvent(PublishEventRequest.newBuilder().setId(draft.getId()).build());
		TicketType type = ticketType(event, free("Standard"));
		Registration kept = registerNewAttendee(type, false);
		Registration cancelled = registerNewAttendee(type, false);
		this.organizerRegistrations.cancelRegistration(CancelRegistrationRequest.newBuilder().setId(cancelled.getId())
			.setReason("Changed plans").build());
		checkIn(event, kept);
		this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder().setId(event.getId()).setReason("Storm").build());

		List<String> expected = List.of("event.created", "event.updated", "event.published", "registration.created",
				"registration.confirmed", "registration.cancelled", "checkin.completed", "event.cancelled");
		await().atMost(PROMPTLY).until(() -> this.receiver.received("/all").stream()
			.map(request -> request.field("event")).toList().containsAll(expected));
		List<WebhookReceiver.Received> received = this.receiver.received("/all");
		assertThat(received).allSatisfy(request -> {
			assertThat(WebhookReceiver.standardSignatures(request, subscription.getSecret())).containsExactly(true);
			assertThat(request.field("id")).isEqualTo(request.header("webhook-id"));
			assertThat(request.field("version")).isEqualTo("1.0");
		});
		assertThat(received).extracting(request -> request.header("webhook-id")).doesNotHaveDuplicates();
		assertThat(received).filteredOn(request -> request.field("event").startsWith("event."))
			.allSatisfy(request -> assertThat(request.body()).containsPattern("\"id\": ?\"" + event.getId() + "\""));
		assertThat(received).filteredOn(request -> request.field("event").equals("registration.cancelled"))
			.singleElement()
			.satisfies(request -> assertThat(request.body()).contains(cancelled.getId()));
		// Per resource in order: the event's own changes arrive as they happened.
		assertThat(received.stream().map(request -> request.field("event")).filter(name -> name.startsWith("event.")))
			.containsExactly("event.created", "event.updated", "event.published", "event.cancelled");
	}

	private void checkIn(Event event, Registration registration) {
		String token = this.tokens.user(this.organizer, Set.of("ORGANIZER"), Scopes.EVENTS_READ, Scopes.REGISTRATIONS_READ,
				Scopes.CHECKIN_WRITE);
		String code = bearer(TicketServiceGrpc.newBlockingStub(this.channel), token)
			.getTicket(GetTicketRequest.newBuilder().setRegistrationId(registration.getId()).build())
			.getCode();
		bearer(CheckInServiceGrpc.newBlockingStub(this.channel), token)
			.checkIn(CheckInRequest.newBuilder().setCode(code).setEventId(event.getId()).setDeviceId("door-1").build());
	}

	@Test
	void deliversOnlyWhatTheOwnerMayReadAndOnlyTheTypesAskedFor() {
		UUID otherOrganizer = newUser("Otto Other", "ORGANIZER");
		subscribe(webhooksOf(this.tokens.user(otherOrganizer, Set.of("ORGANIZER"), Scopes.WEBHOOKS_MANAGE)), "/other");
		subscribe(webhooksOf(this.tokens.client("partner-app", null, Set.of(), Scopes.WEBHOOKS_MANAGE)), "/partner");
		subscribe(this.organizerWebhooks, "/published-only", "event.published");
		subscribe(webhooksOf(this.tokens.user(this.adminId, Set.of("ADMIN"), Scopes.WEBHOOKS_MANAGE)), "/admin");

		Event event = publishedEvent(null);
		registerNewAttendee(ticketType(event, free("Standard")), false);

		await().atMost(PROMPTLY).until(() -> this.receiver.received("/admin").stream()
			.anyMatch(request -> request.field("event").equals("registration.confirmed") && request.body().contains(event.getId())));
		assertThat(this.receiver.received("/published-only")).extracting(request -> request.field("event"))
			.containsExactly("event.published");
		// A partner sees the event once it is public and published, never its draft nor its registrations.
		assertThat(this.receiver.received("/partner")).filteredOn(request -> request.body().contains(event.getId()))
			.extracting(request -> request.field("event"))
			.containsExactly("event.published");
		assertThat(this.receiver.received("/other")).noneMatch(request -> request.body().contains(event.getId()));
	}

	@Test
	void retriesAFailingEndpointWithGrowingWaitsUnderOneMessageIdAndLogsEveryAttempt() {
		this.receiver.answers("/flaky", 500, 503);
		CreatedSubscription subscription = subscribe(this.organizerWebhooks, "/flaky", "event.created");

		Event event = this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Retried", START, START.plus(Duration.ofHours(1))))
			.build());

		await().atMost(PROMPTLY).until(() -> this.receiver.received("/flaky").size() == 3);
		List<WebhookReceiver.Received> attempts = this.receiver.received("/flaky");
		assertThat(attempts).extracting(request -> request.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
		assertThat(attempts).allSatisfy(request -> assertThat(request.body()).contains(event.getId()));
		Duration firstWait = Duration.between(attempts.get(0).at(), attempts.get(1).at());
		Duration secondWait = Duration.between(attempts.get(1).at(), attempts.get(2).at());
		// 200 ms, then 1 s, each ±20 %.
		assertThat(firstWait).isBetween(Duration.ofMillis(160), Duration.ofMillis(900));
		assertThat(secondWait).isGreaterThan(Duration.ofMillis(800)).isGreaterThan(firstWait);

		String id = subscription.getSubscription().getId();
		await().atMost(PROMPTLY).until(() -> deliveries(id).get(0).getStatus() == Delivery.Status.DELIVERED);
		Delivery delivery = deliveries(id).get(0);
		assertThat(delivery.getAttempts()).isEqualTo(3);
		assertThat(delivery.getMessageId()).isEqualTo(attempts.get(0).header("webhook-id"));
		List<DeliveryAttempt> log = this.organizerWebhooks.listDeliveryAttempts(ListDeliveryAttemptsRequest.newBuilder()
			.setSubscriptionId(id).setEventId(delivery.getEventId()).build()).getAttemptsList();
		assertThat(log).extracting(DeliveryAttempt::getStatusCode).containsExactly(200, 503, 500);
		assertThat(log.get(0).hasNextAttemptAt()).isFalse();
		assertThat(log.get(1).hasNextAttemptAt()).isTrue();
		assertThat(log.get(2).getResponseExcerpt()).hasSize(1024);
		assertThat(subscription(id).hasFailingSince()).isFalse();
	}

	@Test
	void givesUpWhenThePolicyAllowsNoMoreAttemptsAndDisablesAnEndpointThatKeepsFailing() {
		this.receiver.alwaysAnswers("/down", 500);
		String id = this.organizerWebhooks.createSubscription(CreateSubscriptionRequest.newBuilder()
			.setUrl(this.receiver.url("/down"))
			.addEventTypes("event.created")
			.setRetryPolicy(RetryPolicy.newBuilder().setMaxAttempts(2).setMaxIntervalSeconds(60))
			.build()).getSubscription().getId();

		createEvent("Lost");
		await().atMost(PROMPTLY).until(() -> deliveries(id).get(0).getStatus() == Delivery.Status.FAILED);
		assertThat(deliveries(id).get(0).getAttempts()).isEqualTo(2);
		assertThat(this.receiver.received("/down")).hasSize(2);
		assertThat(subscription(id).hasFailingSince()).isTrue();

		// Failures go on (one more event each second); the first after 4 s of failing (this test's limit) disables it.
		Instant failingSince = ProtoTime.toInstant(subscription(id).getFailingSince());
		await().pollInterval(Duration.ofSeconds(1)).atMost(PROMPTLY).until(() -> {
			createEvent("Still down");
			return !subscription(id).getEnabled();
		});
		Subscription disabled = subscription(id);
		assertThat(disabled.getDisabledReason()).isEqualTo("Every delivery failed for more than 4 seconds");
		assertThat(ProtoTime.toInstant(disabled.getUpdatedAt())).isAfterOrEqualTo(failingSince.plusSeconds(4));

		int attemptsWhenDisabled = this.receiver.received("/down").size();
		createEvent("Not sent");
		assertThat(ApiError.fromThrowable(failureOf(() -> this.organizerWebhooks.redeliverEvent(RedeliverEventRequest
			.newBuilder().setSubscriptionId(id).setEventId(deliveries(id).get(0).getEventId()).build()))).code())
			.isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
		assertThat(this.receiver.received("/down")).hasSize(attemptsWhenDisabled);
	}

	@Test
	void disablesASubscriptionWhoseEndpointIsGone() {
		this.receiver.answers("/gone", 410);
		String id = subscribe(this.organizerWebhooks, "/gone", "event.created").getSubscription().getId();

		createEvent("Gone");

		await().atMost(PROMPTLY).until(() -> !subscription(id).getEnabled());
		assertThat(subscription(id).getDisabledReason()).isEqualTo("The endpoint answered 410 Gone");
		assertThat(deliveries(id).get(0).getStatus()).isEqualTo(Delivery.Status.FAILED);
	}

	@Test
	void redeliversAPastEventUnderItsMessageIdAndOnlyEventsTheOwnerMayRead() {
		String id = subscribe(this.organizerWebhooks, "/again", "event.created").getSubscription().getId();
		Event event = createEvent("Again");
		await().atMost(PROMPTLY).until(() -> this.receiver.received("/again").size() == 1);
		Delivery first = deliveries(id).get(0);

		// An event of the organizer's that the subscription did not select can be sent too.
		Event published = this.organizerEvents.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build());
		String publishedEventId = domainEventId(published.getId(), "event.published");
		Delivery again = this.organizerWebhooks.redeliverEvent(RedeliverEventRequest.newBuilder().setSubscriptionId(id)
			.setEventId(first.getEventId()).build());
		this.organizerWebhooks.redeliverEvent(RedeliverEventRequest.newBuilder().setSubscriptionId(id)
			.setEventId(publishedEventId).build());

		assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
		assertThat(again.getStatus()).isEqualTo(Delivery.Status.PENDING);
		await().atMost(PROMPTLY).until(() -> this.receiver.received("/again").size() == 3);
		assertThat(this.receiver.received("/again")).filteredOn(request -> request.header("webhook-id").equals(first.getMessageId()))
			.hasSize(2);
		assertThat(this.receiver.received("/again")).extracting(request -> request.field("event"))
			.contains("event.published");

		Event othersEvent = eventsAs(newUser("Otto Other", "ORGANIZER"), "ORGANIZER")
			.createEvent(CreateEventRequest.newBuilder().setEvent(Drafts.event("Not yours", START, START.plusSeconds(3600))).build());
		String othersEventId = domainEventId(othersEvent.getId(), "event.created");
		assertThat(ApiError.fromThrowable(failureOf(() -> this.organizerWebhooks.redeliverEvent(RedeliverEventRequest
			.newBuilder().setSubscriptionId(id).setEventId(othersEventId).build()))).code())
			.isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
		assertThat(ApiError.fromThrowable(failureOf(() -> this.organizerWebhooks.redeliverEvent(RedeliverEventRequest
			.newBuilder().setSubscriptionId(id).setEventId("not-a-uuid").build()))).target()).isEqualTo("eventId");
	}

	@Test
	void aSlowEndpointDoesNotHoldUpTheOthers() {
		this.receiver.holds("/slow");
		subscribe(this.organizerWebhooks, "/slow", "event.created");
		subscribe(this.organizerWebhooks, "/fast", "event.created");

		Instant before = Instant.now();
		for (int i = 0; i < 6; i++) {
			createEvent("Busy " + i);
		}

		await().atMost(PROMPTLY).until(() -> this.receiver.received("/fast").size() == 6);
		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
		// Four lanes wait on the slow endpoint; the rest of its messages wait for them.
		assertThat(this.receiver.received("/slow").size()).isLessThanOrEqualTo(WebhookDispatcher.LANES_PER_SUBSCRIPTION);
	}

	/** The id of the domain event of this type about the resource. */
	private String domainEventId(String aggregateId, String type) {
		return this.db.select(OUTBOX.EVENT_ID)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(aggregateId)).and(OUTBOX.EVENT_TYPE.eq(type)))
			.fetchSingle(OUTBOX.EVENT_ID)
			.toString();
	}

	private Event createEvent(String title) {
		return this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START, START.plus(Duration.ofHours(1))))
			.build());
	}

	private List<Delivery> deliveries(String subscriptionId) {
		return this.organizerWebhooks.listDeliveries(ListDeliveriesRequest.newBuilder().setSubscriptionId(subscriptionId).build())
			.getDeliveriesList();
	}

	private Subscription subscription(String id) {
		return this.organizerWebhooks.getSubscription(GetSubscriptionRequest.newBuilder().setId(id).build());
	}

}
