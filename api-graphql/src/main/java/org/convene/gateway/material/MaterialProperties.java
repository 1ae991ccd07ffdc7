package org.convene.gateway.material;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of material uploads at the gateway; core checks the same limit again.
 *
 * @param maxSize the largest file accepted; a larger upload is refused with 413 from its
 * Content-Length, before its body is read
 * @param timeout how long an upload or download to or from core may take
 */
@ConfigurationProperties("convene.materials")
record MaterialProperties(@DefaultValue("50MB") DataSize maxSize, @DefaultValue("5m") Duration timeout) {
}
