package org.convene.core.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.grpc.Versions;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.WebhookSubscriptionRecord;
import org.convene.webhook.v1.proto.CreateSubscriptionRequest;
import org.convene.webhook.v1.proto.CreatedSubscription;
import org.convene.webhook.v1.proto.ListSubscriptionsRequest;
import org.convene.webhook.v1.proto.ListSubscriptionsResponse;
import org.convene.webhook.v1.proto.RetryPolicy;
import org.convene.webhook.v1.proto.RotateSecretRequest;
import org.convene.webhook.v1.proto.Subscription;
import org.convene.webhook.v1.proto.UpdateSubscriptionRequest;

import static org.convene.schema.core.Tables.WEBHOOK_SUBSCRIPTION;

/**
 * Creates, reads, changes and deletes webhook subscriptions. Each belongs to the user the
 * caller acts for (an organizer or administrator) or to the partner client calling; only
 * its owner and administrators see it.
 */
@Service
@Transactional
class WebhookSubscriptions {

	static final int MAX_PER_OWNER = 50;

	static final int MAX_DESCRIPTION = 500;

	static final int DEFAULT_MAX_ATTEMPTS = 13;

	static final int DEFAULT_MAX_INTERVAL = 36_000;

	static final int DEFAULT_OVERLAP = 86_400;

	static final int MAX_OVERLAP = 7 * 86_400;

	private static final Set<String> FIELDS = Set.of("url", "description", "event_types", "enabled", "retry_policy");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	private final WebhookTargets targets;

	WebhookSubscriptions(DSLContext db, WebhookTargets targets) {
		this.db = db;
		this.targets = targets;
	}

	/** Resolves the URL's host before writing: joins a caller's transaction but starts none, so no connection waits on DNS. */
	@Transactional(propagation = Propagation.SUPPORTS)
	CreatedSubscription create(CreateSubscriptionRequest request) {
		String owner = owner(caller());
		List<FieldViolation> violations = new ArrayList<>();
		String url = this.targets.check(request.getUrl(), "url", violations);
		String description = description(request.getDescription(), violations);
		List<String> types = WebhookEvents.check(request.getEventTypesList(), violations);
		RetryPolicy policy = policy(request.getRetryPolicy(), violations);
		throwIfAny(violations);
		if (this.db.fetchCount(WEBHOOK_SUBSCRIPTION, WEBHOOK_SUBSCRIPTION.OWNER.eq(owner)) >= MAX_PER_OWNER) {
			throw ApiException.of(ErrorCode.CONFLICT, "Too many webhook subscriptions",
					"An owner has at most " + MAX_PER_OWNER + " subscriptions; delete one first", null);
		}
		String secret = newSecret();
		Instant now = now();
		WebhookSubscriptionRecord row = this.db.newRecord(WEBHOOK_SUBSCRIPTION);
		row.setId(UUID.randomUUID());
		row.setOwner(owner);
		row.setUrl(url);
		row.setDescription(description);
		row.setEventTypes(types.toArray(String[]::new));
		row.setEnabled(true);
		row.setMaxAttempts(policy.getMaxAttempts());
		row.setMaxIntervalSeconds(policy.getMaxIntervalSeconds());
		row.setSecret(secret);
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		row.setVersion(1L);
		row.insert();
		return CreatedSubscription.newBuilder().setSubscription(WebhookRecords.toProto(row)).setSecret(secret).build();
	}

	@Transactional(readOnly = true)
	Subscription get(String id) {
		return WebhookRecords.toProto(visible(caller(), id, false));
	}

	/** The caller's subscriptions, newest first; an administrator may name another owner. */
	@Transactional(readOnly = true)
	ListSubscriptionsResponse list(ListSubscriptionsRequest request) {
		Caller caller = caller();
		String owner = request.getOwner().isEmpty() ? owner(caller) : request.getOwner();
		if (!request.getOwner().isEmpty() && !caller.isAdmin()) {
			throw Caller.denied("Only administrators list other owners' subscriptions");
		}
		return ListSubscriptionsResponse.newBuilder()
			.addAllSubscriptions(this.db.selectFrom(WEBHOOK_SUBSCRIPTION)
				.where(WEBHOOK_SUBSCRIPTION.OWNER.eq(owner))
				.orderBy(WEBHOOK_SUBSCRIPTION.CREATED_AT.desc(), WEBHOOK_SUBSCRIPTION.ID.desc())
				.fetch(WebhookRecords::toProto))
			.build();
	}

	Subscription update(UpdateSubscriptionRequest request) {
		WebhookSubscriptionRecord row = visible(caller(), request.getId(), true);
		Versions.check("subscription", request.getExpectedVersion(), row.getVersion());
		List<String> paths = request.getUpdateMask().getPathsList();
		List<FieldViolation> violations = new ArrayList<>();
		if (paths.isEmpty()) {
			violations.add(new FieldViolation("updateMask", "names no field; give one of " + FIELDS));
		}
		for (String path : paths) {
			switch (path) {
				case "url" -> row.setUrl(this.targets.check(request.getUrl(), "url", violations));
				case "description" -> row.setDescription(description(request.getDescription(), violations));
				case "event_types" -> row.setEventTypes(WebhookEvents.check(request.getEventTypesList(), violations)
					.toArray(String[]::new));
				case "enabled" -> {
					row.setEnabled(request.getEnabled());
					row.setDisabledReason(request.getEnabled() ? null : "Disabled by its owner");
				}
				case "retry_policy" -> {
					RetryPolicy policy = policy(request.getRetryPolicy(), violations);
					row.setMaxAttempts(policy.getMaxAttempts());
					row.setMaxIntervalSeconds(policy.getMaxIntervalSeconds());
				}
				default -> violations.add(new FieldViolation("updateMask", "cannot change '" + path + "'; give one of " + FIELDS));
			}
		}
		throwIfAny(violations);
		return WebhookRecords.toProto(changed(row));
	}

	CreatedSubscription rotateSecret(RotateSecretRequest request) {
		WebhookSubscriptionRecord row = visible(caller(), request.getId(), true);
		int overlap = request.hasOverlapSeconds() ? request.getOverlapSeconds() : DEFAULT_OVERLAP;
		if (overlap < 0 || overlap > MAX_OVERLAP) {
			throw ApiException.invalid("overlapSeconds", "must be 0 to " + MAX_OVERLAP + " seconds");
		}
		String secret = newSecret();
		row.setPreviousSecret(overlap == 0 ? null : row.getSecret());
		row.setPreviousSecretExpiresAt(overlap == 0 ? null : now().plus(Duration.ofSeconds(overlap)));
		row.setSecret(secret);
		return CreatedSubscription.newBuilder().setSubscription(WebhookRecords.toProto(changed(row))).setSecret(secret).build();
	}

	/** The subscription, read for its owner or an administrator; for anyone else it does not exist. */
	@Transactional(readOnly = true)
	WebhookSubscriptionRecord owned(String id) {
		return visible(caller(), id, false);
	}

	void delete(String id) {
		visible(caller(), id, true).delete();
	}

	/** Who owns what the caller creates: the user it acts for, or the partner client itself. */
	static String owner(Caller caller) {
		caller.require(Scopes.WEBHOOKS_MANAGE);
		if (caller.userId() != null) {
			if (!caller.hasRole("ORGANIZER") && !caller.hasRole("ADMIN")) {
				throw Caller.denied("Organizers, administrators and partner clients subscribe to webhooks");
			}
			return "user:" + caller.userId();
		}
		if (caller.clientId() == null) {
			throw Caller.denied("These credentials act for no user and no client");
		}
		return "client:" + caller.clientId();
	}

	/** The subscription, for its owner or an administrator; for anyone else it does not exist. */
	private WebhookSubscriptionRecord visible(Caller caller, String id, boolean forUpdate) {
		String owner = owner(caller);
		var query = this.db.selectFrom(WEBHOOK_SUBSCRIPTION).where(WEBHOOK_SUBSCRIPTION.ID.eq(RequestIds.uuid(id, "id")));
		WebhookSubscriptionRecord row = forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
		if (row == null || !(row.getOwner().equals(owner) || caller.isAdmin())) {
			throw ApiException.notFound("webhook subscription", id, "id");
		}
		return row;
	}

	private WebhookSubscriptionRecord changed(WebhookSubscriptionRecord row) {
		row.setUpdatedAt(now());
		row.setVersion(row.getVersion() + 1);
		row.update();
		return row;
	}

	private static String description(String value, List<FieldViolation> violations) {
		String description = value.strip();
		if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
			violations.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
		}
		return description;
	}

	private static RetryPolicy policy(RetryPolicy requested, List<FieldViolation> violations) {
		int attempts = requested.getMaxAttempts() == 0 ? DEFAULT_MAX_ATTEMPTS : requested.getMaxAttempts();
		int interval = requested.getMaxIntervalSeconds() == 0 ? DEFAULT_MAX_INTERVAL : requested.getMaxIntervalSeconds();
		if (attempts < 1 || attempts > 20) {
			violations.add(new FieldViolation("retryPolicy.maxAttempts", "must be 1 to 20"));
		}
		if (interval < 60 || interval > 86_400) {
			violations.add(new FieldViolation("retryPolicy.maxIntervalSeconds", "must be 60 to 86,400 seconds"));
		}
		return RetryPolicy.newBuilder().setMaxAttempts(attempts).setMaxIntervalSeconds(interval).build();
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
	}

	/** Standard Webhooks' form: {@code whsec_} and base64 of 32 random bytes. */
	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	private static Caller caller() {
		return RequestContext.current().caller();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
