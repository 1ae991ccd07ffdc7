package org.convene.core.material;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of session materials.
 *
 * @param maxSize the largest file accepted
 */
@ConfigurationProperties("convene.materials")
record MaterialProperties(@DefaultValue("50MB") DataSize maxSize) {
}
