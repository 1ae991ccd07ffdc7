package org.convene.core.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.convene.core.support.CoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.schema.core.Tables.IDEMPOTENCY_KEY;

class IdempotencyCleanupTests extends CoreIntegrationTest {

	@Autowired
	IdempotencyCleanup cleanup;

	private void storeKey(String caller, String key, Duration age) {
		Instant createdAt = Instant.now().minus(age);
		this.db.insertInto(IDEMPOTENCY_KEY)
			.set(IDEMPOTENCY_KEY.CALLER, caller)
			.set(IDEMPOTENCY_KEY.KEY, key)
			.set(IDEMPOTENCY_KEY.OPERATION, "convene.core.v1.EventService/CreateEvent")
			.set(IDEMPOTENCY_KEY.REQUEST_HASH, new byte[32])
			.set(IDEMPOTENCY_KEY.STATUS_CODE, 0)
			.set(IDEMPOTENCY_KEY.RESPONSE, new byte[0])
			.set(IDEMPOTENCY_KEY.CREATED_AT, createdAt)
			.set(IDEMPOTENCY_KEY.COMPLETED_AT, createdAt)
			.execute();
	}

	@Test
	void deletesKeysOlderThanTheRetentionOnly() {
		String caller = "user:" + UUID.randomUUID();
		storeKey(caller, "expired-long-ago", Duration.ofDays(3));
		storeKey(caller, "just-expired", Duration.ofHours(24).plusMinutes(1));
		storeKey(caller, "nearly-expired", Duration.ofHours(23).plusMinutes(50));
		storeKey(caller, "fresh", Duration.ZERO);

		int deleted = this.cleanup.deleteExpired();

		assertThat(deleted).isGreaterThanOrEqualTo(2);
		assertThat(this.db.select(IDEMPOTENCY_KEY.KEY)
			.from(IDEMPOTENCY_KEY)
			.where(IDEMPOTENCY_KEY.CALLER.eq(caller))
			.fetch(IDEMPOTENCY_KEY.KEY)).containsExactlyInAnyOrder("nearly-expired", "fresh");
	}

}
