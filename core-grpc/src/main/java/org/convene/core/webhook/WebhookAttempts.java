package org.convene.core.webhook;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

import org.springframework.stereotype.Service;

import org.convene.core.grpc.RequestIds;
import org.convene.core.paging.LogPage;
import org.convene.schema.core.tables.records.WebhookAttemptRecord;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsRequest;
import org.convene.webhook.v1.proto.ListDeliveryAttemptsResponse;

import static org.convene.schema.core.Tables.WEBHOOK_ATTEMPT;

/** The delivery log of a subscription, for its owner and administrators. */
@Service
class WebhookAttempts {

	private static final String LOG = "attempts";

	private final WebhookSubscriptions subscriptions;

	private final DSLContext db;

	WebhookAttempts(WebhookSubscriptions subscriptions, DSLContext db) {
		this.subscriptions = subscriptions;
		this.db = db;
	}

	ListDeliveryAttemptsResponse list(ListDeliveryAttemptsRequest request) {
		var subscription = this.subscriptions.owned(request.getSubscriptionId());
		LogPage page = LogPage.of(request.getPage(), LOG, 20, 100);
		Condition where = WEBHOOK_ATTEMPT.SUBSCRIPTION_ID.eq(subscription.getId());
		if (!request.getEventId().isEmpty()) {
			where = where.and(WEBHOOK_ATTEMPT.EVENT_ID.eq(RequestIds.uuid(request.getEventId(), "eventId")));
		}
		List<WebhookAttemptRecord> rows = this.db.selectFrom(WEBHOOK_ATTEMPT)
			.where(page.beforeId() == 0 ? where : where.and(WEBHOOK_ATTEMPT.ID.lt(page.beforeId())))
			.orderBy(WEBHOOK_ATTEMPT.ID.desc())
			.limit(page.limit())
			.fetch();
		return ListDeliveryAttemptsResponse.newBuilder()
			.addAllAttempts(page.rows(rows).stream().map(WebhookRecords::toProto).toList())
			.setPageInfo(page.info(rows, LOG, WebhookAttemptRecord::getId))
			.build();
	}

}
