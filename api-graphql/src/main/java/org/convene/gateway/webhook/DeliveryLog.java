package org.convene.gateway.webhook;

import java.util.List;

import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.PageInfo;
import org.convene.gateway.paging.Pagination;
import org.convene.grpc.ApiException;
import org.convene.webhook.v1.proto.Delivery;
import org.convene.webhook.v1.proto.ListDeliveriesRequest;
import org.convene.webhook.v1.proto.ListDeliveriesResponse;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsResponse;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

/** Reads the messages and attempts of a subscription for both doors, a page at a time, newest first. */
@Component
class DeliveryLog {

	private final WebhookServiceBlockingStub webhooks;

	DeliveryLog(WebhookServiceBlockingStub webhooks) {
		this.webhooks = webhooks;
	}

	/** Attempts, all or those for one domain event. */
	Page<WebhookDeliveryAttempt> attempts(String subscriptionId, String eventId, Integer pageSize, String cursor) {
		ListDeliveryAttemptsRequest.Builder request = ListDeliveryAttemptsRequest.newBuilder()
			.setSubscriptionId(subscriptionId)
			.setPage(Pagination.cursorOnly(pageSize, cursor));
		if (eventId != null) {
			request.setEventId(eventId);
		}
		ListDeliveryAttemptsResponse response = this.webhooks.listDeliveryAttempts(request.build());
		return Page.of(response.getAttemptsList().stream().map(WebhookDeliveryAttempt::of).toList(), response.getPageInfo());
	}

	/** Messages, all or those in one status (PENDING, DELIVERED, FAILED). */
	Page<WebhookDelivery> deliveries(String subscriptionId, String status, Integer pageSize, String cursor) {
		ListDeliveriesRequest.Builder request = ListDeliveriesRequest.newBuilder()
			.setSubscriptionId(subscriptionId)
			.setPage(Pagination.cursorOnly(pageSize, cursor));
		if (status != null) {
			request.setStatus(status(status));
		}
		ListDeliveriesResponse response = this.webhooks.listDeliveries(request.build());
		return Page.of(response.getDeliveriesList().stream().map(WebhookDelivery::of).toList(), response.getPageInfo());
	}

	private static Delivery.Status status(String value) {
		return switch (value.strip()) {
			case "PENDING" -> Delivery.Status.PENDING;
			case "DELIVERED" -> Delivery.Status.DELIVERED;
			case "FAILED" -> Delivery.Status.FAILED;
			default -> throw ApiException.invalid("status", "must be PENDING, DELIVERED or FAILED");
		};
	}

	/**
	 * One page, newest first.
	 *
	 * @param nextCursor the cursor of the next, older page, or null
	 */
	record Page<T>(List<T> data, boolean hasNextPage, String nextCursor) {

		static <T> Page<T> of(List<T> data, PageInfo info) {
			return new Page<>(data, info.getHasNextPage(), info.getNextPageToken().isEmpty() ? null : info.getNextPageToken());
		}

	}

}
