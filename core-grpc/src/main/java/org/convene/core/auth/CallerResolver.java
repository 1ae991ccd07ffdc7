package org.convene.core.auth;

import io.grpc.Metadata;

import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;
import org.convene.grpc.CallMetadata;

/**
 * Establishes the {@link Caller} of a gRPC call from its metadata: a bearer token, an API key
 * ({@code authorization: ApiKey ...} or {@code x-api-key}), or nothing (anonymous).
 * Credentials that are present but wrong fail the call; they never fall back to anonymous.
 */
@Component
public class CallerResolver {

	private final TokenVerifier tokens;

	private final ApiKeyAuthenticator apiKeys;

	CallerResolver(TokenVerifier tokens, ApiKeyAuthenticator apiKeys) {
		this.tokens = tokens;
		this.apiKeys = apiKeys;
	}

	public Caller resolve(Metadata headers) {
		String authorization = headers.get(CallMetadata.AUTHORIZATION);
		String apiKey = headers.get(CallMetadata.API_KEY);
		if (authorization != null && apiKey != null) {
			throw ApiException.of(ErrorCode.UNAUTHENTICATED, "Send one credential",
					"Both an Authorization header and an API key were sent", "Authorization");
		}
		if (apiKey != null) {
			return this.apiKeys.authenticate(apiKey.strip());
		}
		if (authorization == null || authorization.isBlank()) {
			return Caller.ANONYMOUS;
		}
		String value = authorization.strip();
		int space = value.indexOf(' ');
		String scheme = space < 0 ? value : value.substring(0, space);
		String credential = space < 0 ? "" : value.substring(space + 1).strip();
		if (scheme.equalsIgnoreCase("Bearer") && !credential.isEmpty()) {
			return this.tokens.verify(credential);
		}
		if (scheme.equalsIgnoreCase("ApiKey") && !credential.isEmpty()) {
			return this.apiKeys.authenticate(credential);
		}
		throw ApiException.of(ErrorCode.UNAUTHENTICATED, "Unsupported credentials",
				"Use 'Authorization: Bearer <token>' or 'Authorization: ApiKey <key>'", "Authorization");
	}

}
