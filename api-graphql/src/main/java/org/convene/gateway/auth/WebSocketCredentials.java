package org.convene.gateway.auth;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;

import org.convene.gateway.context.ForwardedContext;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.CallMetadata;

/**
 * Credentials of GraphQL over WebSocket. Browsers cannot set headers on a WebSocket, so they
 * come in the {@code connection_init} payload: {@code Authorization} ("Bearer …" or
 * "ApiKey …"), {@code authToken} (a bare access token) or {@code X-API-Key}. They are checked
 * once there, as on HTTP (bearer tokens here; API keys by core, which alone knows them), a
 * failure closing the connection; without any the connection is anonymous. Each operation is
 * then forwarded with them, and core checks them again for each subscription.
 */
@Component
class WebSocketCredentials implements WebSocketGraphQlInterceptor {

	private static final String ATTRIBUTE = WebSocketCredentials.class.getName();

	private final BearerTokens tokens;

	private final HealthGrpc.HealthBlockingStub core;

	WebSocketCredentials(BearerTokens tokens, @Qualifier("coreChannel") ManagedChannel core) {
		this.tokens = tokens;
		this.core = HealthGrpc.newBlockingStub(core);
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		return Mono.fromCallable(() -> {
			Credentials credentials = Credentials.of(payload);
			if (credentials.authorization() != null && credentials.authorization().regionMatches(true, 0, "Bearer ", 0, 7)) {
				this.tokens.authenticate(credentials.authorization(), address(session));
			}
			else if (credentials.authorization() != null || credentials.apiKey() != null) {
				checkWithCore(credentials);
			}
			session.getAttributes().put(ATTRIBUTE, credentials);
			return Map.of();
		});
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
			return chain.next(request);
		}
		Credentials credentials = (Credentials) webSocket.getSessionInfo().getAttributes().get(ATTRIBUTE);
		ForwardedContext handshake = ForwardedContext.current();
		ForwardedContext forwarded = new ForwardedContext(UUID.randomUUID().toString(),
				credentials == null ? null : credentials.authorization(), credentials == null ? null : credentials.apiKey(),
				handshake != null ? handshake.clientAddress() : address(webSocket.getSessionInfo()), null, null);
		return chain.next(request).contextWrite(Context.of(ForwardedContext.CONTEXT_KEY, forwarded));
	}

	/** An API key is known to core only: any call carrying it is refused when it is not valid. */
	private void checkWithCore(Credentials credentials) {
		Metadata headers = new Metadata();
		if (credentials.authorization() != null) {
			headers.put(CallMetadata.AUTHORIZATION, credentials.authorization());
		}
		if (credentials.apiKey() != null) {
			headers.put(CallMetadata.API_KEY, credentials.apiKey());
		}
		try {
			this.core.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
				.withDeadlineAfter(5, TimeUnit.SECONDS)
				.check(HealthCheckRequest.getDefaultInstance());
		}
		catch (StatusRuntimeException ex) {
			throw new ApiException(ApiError.fromThrowable(ex));
		}
	}

	private static String address(WebSocketSessionInfo session) {
		InetSocketAddress remote = session.getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
	}

	/**
	 * What a {@code connection_init} payload carries.
	 *
	 * @param authorization as the Authorization header, or {@code null}
	 * @param apiKey as the X-API-Key header, or {@code null}
	 */
	record Credentials(String authorization, String apiKey) {

		static Credentials of(Map<String, Object> payload) {
			String authorization = text(payload, "Authorization");
			String token = text(payload, "authToken");
			if (authorization == null && token != null) {
				authorization = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token : "Bearer " + token;
			}
			return new Credentials(authorization, text(payload, "X-API-Key"));
		}

		/** A payload entry, its name in any case (headers are case-insensitive). */
		private static String text(Map<String, Object> payload, String name) {
			if (payload == null) {
				return null;
			}
			for (Map.Entry<String, Object> entry : payload.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() instanceof String value && !value.isBlank()) {
					return value.strip();
				}
			}
			return null;
		}

	}

}
