package org.convene.core.webhook;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.CreatedSubscription;
import org.convene.webhook.v1.proto.DeleteSubscriptionRequest;
import org.convene.webhook.v1.proto.DeleteSubscriptionResponse;
import org.convene.webhook.v1.proto.Delivery;
import org.convene.webhook.v1.proto.DeliveryAttempt;
import org.convene.webhook.v1.proto.GetSubscriptionRequest;
import org.convene.webhook.v1.proto.ListDeliveriesRequest;
import org.convene.webhook.v1.proto.ListDeliveriesResponse;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsResponse;
import org.convene.webhook.v1.proto.ListSubscriptionsRequest;
import org.convene.webhook.v1.proto.ListSubscriptionsResponse;
import org.convene.webhook.v1.proto.PingSubscriptionRequest;
import org.convene.webhook.v1.proto.RedeliverEventRequest;
import org.convene.webhook.v1.proto.RotateSecretRequest;
import org.convene.webhook.v1.proto.Subscription;
import org.convene.webhook.v1.proto.UpdateSubscriptionRequest;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;

/** {@code convene.webhook.v1.WebhookService} over gRPC; failures become statuses in the request interceptor. */
@Service
class WebhookGrpcService extends WebhookServiceGrpc.WebhookServiceImplBase {

	private final WebhookSubscriptions subscriptions;

	private final WebhookPings pings;

	private final WebhookAttempts attempts;

	private final WebhookDeliveries deliveries;

	WebhookGrpcService(WebhookSubscriptions subscriptions, WebhookPings pings, WebhookAttempts attempts,
			WebhookDeliveries deliveries) {
		this.subscriptions = subscriptions;
		this.pings = pings;
		this.attempts = attempts;
		this.deliveries = deliveries;
	}

	@Override
	public void createSubscription(CreateSubscriptionRequest request, StreamObserver<CreatedSubscription> response) {
		reply(response, this.subscriptions.create(request));
	}

	@Override
	public void getSubscription(GetSubscriptionRequest request, StreamObserver<Subscription> response) {
		reply(response, this.subscriptions.get(request.getId()));
	}

	@Override
	public void listSubscriptions(ListSubscriptionsRequest request, StreamObserver<ListSubscriptionsResponse> response) {
		reply(response, this.subscriptions.list(request));
	}

	@Override
	public void updateSubscription(UpdateSubscriptionRequest request, StreamObserver<Subscription> response) {
		reply(response, this.subscriptions.update(request));
	}

	@Override
	public void rotateSecret(RotateSecretRequest request, StreamObserver<CreatedSubscription> response) {
		reply(response, this.subscriptions.rotateSecret(request));
	}

	@Override
	public void pingSubscription(PingSubscriptionRequest request, StreamObserver<DeliveryAttempt> response) {
		reply(response, this.pings.ping(request.getId()));
	}

	@Override
	public void listDeliveryAttempts(ListDeliveryAttemptsRequest request, StreamObserver<ListDeliveryAttemptsResponse> response) {
		reply(response, this.attempts.list(request));
	}

	@Override
	public void listDeliveries(ListDeliveriesRequest request, StreamObserver<ListDeliveriesResponse> response) {
		reply(response, this.deliveries.list(request));
	}

	@Override
	public void redeliverEvent(RedeliverEventRequest request, StreamObserver<Delivery> response) {
		reply(response, this.deliveries.redeliver(request));
	}

	@Override
	public void deleteSubscription(DeleteSubscriptionRequest request, StreamObserver<DeleteSubscriptionResponse> response) {
		this.subscriptions.delete(request.getId());
		reply(response, DeleteSubscriptionResponse.getDefaultInstance());
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
