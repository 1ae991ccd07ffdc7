package org.convene.gateway.webhook;

import java.util.List;

import org.springframework.stereotype.Component;

import org.convene.gateway.paging.Pagination;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsResponse;
import org.convene.webhook.v1.proto.WebhookServiceGrpc.WebhookServiceBlockingStub;

/** Reads the delivery log of a subscription for both doors, a page at a time, newest first. */
@Component
class DeliveryLog {

	private final WebhookServiceBlockingStub webhooks;

	DeliveryLog(WebhookServiceBlockingStub webhooks) {
		this.webhooks = webhooks;
	}

	Page read(String subscriptionId, Integer pageSize, String cursor) {
		ListDeliveryAttemptsResponse response = this.webhooks.listDeliveryAttempts(ListDeliveryAttemptsRequest.newBuilder()
			.setSubscriptionId(subscriptionId)
			.setPage(Pagination.cursorOnly(pageSize, cursor))
			.build());
		String next = response.getPageInfo().getNextPageToken();
		return new Page(response.getAttemptsList().stream().map(WebhookDeliveryAttempt::of).toList(),
				response.getPageInfo().getHasNextPage(), next.isEmpty() ? null : next);
	}

	/**
	 * One page of attempts.
	 *
	 * @param nextCursor the cursor of the next, older page, or null
	 */
	record Page(List<WebhookDeliveryAttempt> data, boolean hasNextPage, String nextCursor) {
	}

}
