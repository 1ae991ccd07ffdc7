package org.convene.core.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.convene.core.outbox.Outbox;
import org.convene.schema.core.tables.records.RegistrationRecord;

/**
 * Releases payment holds that ran out: the registration is cancelled, its seat returns and
 * goes to the waiting list. One transaction per event; safe on several replicas, as each
 * claims its rows with SKIP LOCKED.
 */
@Component
class HoldExpiry {

	static final String REASON = "Payment hold expired";

	private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

	private static final int EVENTS_PER_RUN = 100;

	private static final int HOLDS_PER_EVENT = 500;

	private final RegistrationRepository registrations;

	private final Cancellations cancellations;

	private final TransactionTemplate transactions;

	HoldExpiry(RegistrationRepository registrations, Cancellations cancellations, TransactionTemplate transactions) {
		this.registrations = registrations;
		this.cancellations = cancellations;
		this.transactions = transactions;
	}

	/** Releases the expired holds; returns how many. */
	@Scheduled(fixedDelayString = "${convene.registrations.hold-expiry-interval:30s}",
			initialDelayString = "${convene.registrations.hold-expiry-interval:30s}")
	public int releaseExpiredHolds() {
		Instant now = RegistrationRecords.now();
		int released = 0;
		for (UUID eventId : this.registrations.eventsWithExpiredHolds(now, EVENTS_PER_RUN)) {
			Integer count = this.transactions.execute(status -> {
				List<RegistrationRecord> expired = this.registrations.lockExpiredHolds(eventId, now, HOLDS_PER_EVENT);
				return expired.isEmpty() ? 0
						: this.cancellations.cancel(eventId, expired, REASON, Outbox.Origin.current()).size();
			});
			released += count == null ? 0 : count;
		}
		if (released > 0) {
			log.info("Released {} expired payment holds", released);
		}
		return released;
	}

}
