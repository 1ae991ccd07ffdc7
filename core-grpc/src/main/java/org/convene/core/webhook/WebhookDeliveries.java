package org.convene.core.webhook;

import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.grpc.RequestIds;
import org.convene.core.paging.LogPage;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.WebhookDeliveryRecord;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.Delivery;
import org.convene.webhook.v1.proto.ListDeliveriesRequest;
import org.convene.webhook.v1.proto.ListDeliveriesResponse;
import org.convene.webhook.v1.proto.RedeliverEventRequest;

import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.WEBHOOK_DELIVERY;
import static org.convene.schema.core.Tables.WEBHOOK_SUBSCRIPTION;

/** The messages of a subscription, for its owner and administrators, and redelivery of past events. */
@Service
class WebhookDeliveries {

	private static final String LOG = "deliveries";

	private final WebhookSubscriptions subscriptions;

	private final WebhookDispatcher dispatcher;

	private final DSLContext db;

	WebhookDeliveries(WebhookSubscriptions subscriptions, WebhookDispatcher dispatcher, DSLContext db) {
		this.subscriptions = subscriptions;
		this.dispatcher = dispatcher;
		this.db = db;
	}

	@Transactional(readOnly = true)
	ListDeliveriesResponse list(ListDeliveriesRequest request) {
		WebhookSubscriptionRecord subscription = this.subscriptions.owned(request.getSubscriptionId());
		LogPage page = LogPage.of(request.getPage(), LOG, 20, 100);
		Condition where = WEBHOOK_DELIVERY.SUBSCRIPTION_ID.eq(subscription.getId());
		if (request.getStatus() != Delivery.Status.STATUS_UNSPECIFIED) {
			where = where.and(WEBHOOK_DELIVERY.STATUS.eq(request.getStatus().name()));
		}
		if (page.beforeId() != 0) {
			where = where.and(WEBHOOK_DELIVERY.ID.lt(page.beforeId()));
		}
		List<Record> rows = this.db.select(WEBHOOK_DELIVERY.fields())
			.select(OUTBOX.EVENT_ID)
			.from(WEBHOOK_DELIVERY)
			.join(OUTBOX).on(OUTBOX.ID.eq(WEBHOOK_DELIVERY.OUTBOX_ID))
			.where(where)
			.orderBy(WEBHOOK_DELIVERY.ID.desc())
			.limit(page.limit())
			.fetch();
		return ListDeliveriesResponse.newBuilder()
			.addAllDeliveries(page.rows(rows).stream().map(WebhookDeliveries::toProto).toList())
			.setPageInfo(page.info(rows, LOG, row -> row.get(WEBHOOK_DELIVERY.ID)))
			.build();
	}

	/**
	 * Queues a past event for the subscription again, under the message id it had, with a fresh
	 * retry schedule. Only events its owner may receive exist here.
	 */
	@Transactional
	Delivery redeliver(RedeliverEventRequest request) {
		WebhookSubscriptionRecord subscription = this.subscriptions.owned(request.getSubscriptionId());
		UUID eventId = RequestIds.uuid(request.getEventId(), "eventId");
		if (!subscription.getEnabled()) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "The subscription is disabled",
					"Enable webhook subscription '" + subscription.getId() + "' before redelivering to it", "enabled");
		}
		WebhookDeliveryRecord queued = WebhookFanOut
			.newMessages(this.db, WEBHOOK_SUBSCRIPTION.ID.eq(subscription.getId()), OUTBOX.EVENT_ID.eq(eventId))
			.onConflict(WEBHOOK_DELIVERY.SUBSCRIPTION_ID, WEBHOOK_DELIVERY.OUTBOX_ID)
			.doUpdate()
			.set(WEBHOOK_DELIVERY.STATUS, "PENDING")
			.set(WEBHOOK_DELIVERY.ATTEMPTS, 0)
			.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, DSL.currentInstant())
			.returning()
			.fetchOne();
		if (queued == null) {
			throw ApiException.notFound("event", request.getEventId(), "eventId");
		}
		this.dispatcher.wake();
		return WebhookRecords.toProto(queued, eventId);
	}

	private static Delivery toProto(Record row) {
		return WebhookRecords.toProto(row.into(WEBHOOK_DELIVERY), row.get(OUTBOX.EVENT_ID));
	}

}
