package org.convene.core.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How registrations behave.
 *
 * @param hold how long a paid registration holds its seat waiting for payment
 * @param holdExpiryInterval how often expired holds are released
 * @param batchSize most registrations one seat-taking transaction handles
 * @param batchWorkers most seat-taking transactions running at once (database connections)
 */
@ConfigurationProperties("convene.registrations")
record RegistrationSettings(@DefaultValue("15m") Duration hold, @DefaultValue("30s") Duration holdExpiryInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("2") int batchWorkers) {
}
