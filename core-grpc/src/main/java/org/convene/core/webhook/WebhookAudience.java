package org.convene.core.webhook;

import java.util.UUID;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import static org.convene.schema.core.Tables.APP_USER;
import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.OUTBOX;
import static org.convene.schema.core.Tables.WEBHOOK_SUBSCRIPTION;

/**
 * Which domain events a subscription's owner receives: only what the owner may read through
 * the API. An administrator receives every event; an organizer the events of the events they
 * organise (registrations and check-ins included); a partner client the changes to public,
 * published events, judged by the event as it was when it changed (no registration data:
 * that is personal). A disabled user receives nothing.
 * <p>
 * The conditions are SQL over {@code outbox}, {@code webhook_subscription}, and the
 * {@code event} and {@code app_user} joined with {@link #EVENT_OF} and {@link #OWNER_USER}.
 */
final class WebhookAudience {

	/** The event a domain event concerns: itself, or the one its payload names. */
	static final Field<UUID> EVENT_OF = DSL.when(OUTBOX.AGGREGATE_TYPE.eq("event"), OUTBOX.AGGREGATE_ID)
		.otherwise(DSL.field("({0} ->> 'eventId')::uuid", UUID.class, OUTBOX.PAYLOAD));

	/** The user owning a subscription, when a user does. */
	static final Condition OWNER_USER = WEBHOOK_SUBSCRIPTION.OWNER.eq(DSL.concat(DSL.inline("user:"), APP_USER.ID.cast(String.class)));

	private static final Condition PUBLIC_EVENT_CHANGE = WEBHOOK_SUBSCRIPTION.OWNER.like("client:%")
		.and(OUTBOX.AGGREGATE_TYPE.eq("event"))
		.and(DSL.field("{0} ->> 'visibility'", String.class, OUTBOX.PAYLOAD).eq("PUBLIC"))
		.and(DSL.field("{0} ->> 'status'", String.class, OUTBOX.PAYLOAD).ne("DRAFT"));

	private WebhookAudience() {
	}

	/** May the subscription's owner receive the outbox row. */
	static Condition mayReceive() {
		Condition userMay = APP_USER.STATUS.eq("ACTIVE")
			.and(DSL.condition("'ADMIN' = ANY ({0})", APP_USER.ROLES).or(EVENT.ORGANIZER_ID.eq(APP_USER.ID)));
		return OUTBOX.EVENT_TYPE.in(WebhookEvents.TYPES).and(userMay.or(PUBLIC_EVENT_CHANGE));
	}

	/** Did the subscription ask for the outbox row's event type. */
	static Condition selects() {
		return DSL.condition("cardinality({0}) = 0", WEBHOOK_SUBSCRIPTION.EVENT_TYPES)
			.or(DSL.condition("{0} = ANY ({1})", OUTBOX.EVENT_TYPE, WEBHOOK_SUBSCRIPTION.EVENT_TYPES));
	}

}
