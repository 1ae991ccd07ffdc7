package org.convene.core.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from.
 *
 * @param issuer the authorization server's issuer URL; tokens must name it
 * @param jwkSetUri where its signing keys are published
 * @param audience the audience tokens must be issued for
 */
@ConfigurationProperties("convene.auth")
public record AuthProperties(String issuer, String jwkSetUri, List<String> audience) {
}
