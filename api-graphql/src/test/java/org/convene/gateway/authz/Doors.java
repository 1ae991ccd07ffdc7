package org.convene.gateway.authz;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.grpc.ApiError;
import org.convene.grpc.CallMetadata;

/** Calls each door with a caller's credentials and reads the answer as an {@link Outcome}. */
final class Doors {

	private final WebTestClient http;

	private final ManagedChannel core;

	private final ManagedChannel gateway;

	Doors(WebTestClient http, ManagedChannel core, ManagedChannel gateway) {
		this.http = http;
		this.core = core;
		this.gateway = gateway;
	}

	Outcome rest(Callers.Credential credential, HttpMethod method, String uri, Object body) {
		WebTestClient.RequestBodySpec request = this.http.method(method).uri(uri);
		if (credential.authorization() != null) {
			request.header("Authorization", credential.authorization());
		}
		if (credential.apiKey() != null) {
			request.header("X-API-Key", credential.apiKey());
		}
		EntityExchangeResult<String> result = (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		int status = result.getStatus().value();
		return switch (status) {
			case 200, 201, 204, 304 -> Outcome.ALLOWED;
			case 401 -> Outcome.UNAUTHENTICATED;
			case 403 -> Outcome.DENIED;
			case 404 -> Outcome.HIDDEN;
			default -> throw new AssertionError(method + " " + uri + " answered " + status + ": " + result.getResponseBody());
		};
	}

	/** A GraphQL operation; {@code field} is the root field whose payload is inspected. */
	@SuppressWarnings("unchecked")
	Outcome graphQl(Callers.Credential credential, String document, Map<String, Object> variables, String field) {
		WebTestClient.RequestBodySpec request = this.http.post().uri("/graphql");
		if (credential.authorization() != null) {
			request.header("Authorization", credential.authorization());
		}
		if (credential.apiKey() != null) {
			request.header("X-API-Key", credential.apiKey());
		}
		EntityExchangeResult<Map> result = request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectBody(Map.class)
			.returnResult();
		if (result.getStatus().value() == 401) {
			return Outcome.UNAUTHENTICATED;
		}
		Map<String, Object> body = result.getResponseBody();
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
		if (errors != null && !errors.isEmpty()) {
			String code = (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code");
			return switch (code) {
				case "UNAUTHENTICATED" -> Outcome.UNAUTHENTICATED;
				case "PERMISSION_DENIED" -> Outcome.DENIED;
				case "RESOURCE_NOT_FOUND" -> Outcome.HIDDEN;
				default -> throw new AssertionError(field + " answered " + body);
			};
		}
		Object payload = ((Map<String, Object>) body.get("data")).get(field);
		if (payload instanceof Map<?, ?> map && map.get("__typename") instanceof String type) {
			if (type.equals("NotFound")) {
				return Outcome.HIDDEN;
			}
			if (List.of("ValidationFailed", "VersionConflict", "InvalidStateTransition", "Conflict").contains(type)) {
				throw new AssertionError(field + " answered " + body);
			}
		}
		return Outcome.ALLOWED;
	}

	/** A gRPC call to core with the caller's credentials in metadata. */
	<S extends AbstractStub<S>> Outcome grpc(Callers.Credential credential, Function<ManagedChannel, S> newStub,
			Function<S, ?> call) {
		return grpc(this.core, credential, newStub, call);
	}

	/** A gRPC call to the gateway's own services. */
	<S extends AbstractStub<S>> Outcome gatewayGrpc(Callers.Credential credential, Function<ManagedChannel, S> newStub,
			Function<S, ?> call) {
		return grpc(this.gateway, credential, newStub, call);
	}

	private static <S extends AbstractStub<S>> Outcome grpc(ManagedChannel channel, Callers.Credential credential,
			Function<ManagedChannel, S> newStub, Function<S, ?> call) {
		Metadata headers = new Metadata();
		if (credential.authorization() != null) {
			headers.put(CallMetadata.AUTHORIZATION, credential.authorization());
		}
		if (credential.apiKey() != null) {
			headers.put(CallMetadata.API_KEY, credential.apiKey());
		}
		S stub = newStub.apply(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		try {
			call.apply(stub);
			return Outcome.ALLOWED;
		}
		catch (StatusRuntimeException ex) {
			return switch (ex.getStatus().getCode()) {
				case UNAUTHENTICATED -> Outcome.UNAUTHENTICATED;
				case PERMISSION_DENIED -> Outcome.DENIED;
				case NOT_FOUND -> Outcome.HIDDEN;
				default -> throw new AssertionError("gRPC answered " + ex.getStatus() + " " + ApiError.fromThrowable(ex));
			};
		}
	}

}
