package org.convene.core.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local folder as the content store, unless the application defines another one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

	@Bean
	@ConditionalOnMissingBean(ContentStore.class)
	ContentStore localContentStore(StorageProperties properties) {
		return new LocalContentStore(properties.directory());
	}

}
