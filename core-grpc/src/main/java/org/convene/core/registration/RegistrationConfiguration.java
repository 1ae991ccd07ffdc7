package org.convene.core.registration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RegistrationSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationSettings.class)
class RegistrationConfiguration {

}
