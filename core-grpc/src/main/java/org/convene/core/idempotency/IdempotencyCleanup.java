package org.convene.core.idempotency;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes idempotency keys older than the retention. Safe on several replicas: each batch
 * skips the rows another replica is deleting.
 */
@Component
class IdempotencyCleanup {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

	private static final int BATCH = 1000;

	private final IdempotencyRecords records;

	private final TransactionTemplate transactions;

	private final Duration retention;

	IdempotencyCleanup(IdempotencyRecords records, PlatformTransactionManager transactions,
			IdempotencyProperties properties) {
		this.records = records;
		this.transactions = new TransactionTemplate(transactions);
		this.retention = properties.retention();
	}

	/** Deletes the expired keys, a batch per transaction; returns how many. */
	@Scheduled(fixedDelayString = "${convene.idempotency.cleanup-interval:1h}",
			initialDelayString = "${convene.idempotency.cleanup-interval:1h}")
	int deleteExpired() {
		Instant cutoff = Instant.now().minus(this.retention);
		int total = 0;
		int deleted;
		do {
			deleted = this.transactions.execute(tx -> this.records.deleteCreatedBefore(cutoff, BATCH));
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("Deleted {} idempotency keys older than {}", total, this.retention);
		}
		return total;
	}

}
