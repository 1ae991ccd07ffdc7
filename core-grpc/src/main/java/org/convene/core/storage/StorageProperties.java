package org.convene.core.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the default content store keeps files.
 *
 * @param directory the folder of {@link LocalContentStore}, created when missing
 */
@ConfigurationProperties("convene.storage")
record StorageProperties(@DefaultValue(".convene/files") Path directory) {
}
