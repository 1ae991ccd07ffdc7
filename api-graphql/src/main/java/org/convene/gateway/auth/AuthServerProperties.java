package org.convene.gateway.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the authorization server.
 *
 * @param publicUrl the URL clients reach the gateway at; the issuer of every token
 * @param accessTokenTtl lifetime of access tokens (short: minutes)
 * @param refreshTokenTtl lifetime of refresh tokens
 * @param keyRetention how long a rotated-out signing key keeps verifying tokens
 * @param dataDir where first-start credentials are written
 * @param bootstrapAdminEmail e-mail address of the first administrator
 * @param bootstrapAdminPassword the first administrator's password; random when empty
 * @param bootstrapClientSecret secret of the first administration client; random when empty
 * @param webRedirectUris redirect URIs of the first-party web client
 * @param corsAllowedOrigins origins browsers may call the APIs from; none when empty
 */
@ConfigurationProperties("convene.auth")
public record AuthServerProperties(String publicUrl, Duration accessTokenTtl, Duration refreshTokenTtl,
		Duration keyRetention, Path dataDir, String bootstrapAdminEmail, String bootstrapAdminPassword,
		String bootstrapClientSecret, List<String> webRedirectUris, List<String> corsAllowedOrigins) {

	/** The audience every access token is issued for. */
	public static final String AUDIENCE = "convene-api";

	/** Claim naming the user a token acts for (core reads it). */
	public static final String USER_CLAIM = "convene_user";

}
