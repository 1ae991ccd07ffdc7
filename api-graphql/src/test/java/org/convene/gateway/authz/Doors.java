package org.convene.gateway.authz;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
			case 200, 201, 202, 204, 304 -> Outcome.ALLOWED;
			case 401 -> Outcome.UNAUTHENTICATED;
			case 403 -> Outcome.DENIED;
			case 404 -> Outcome.HIDDEN;
			default -> throw new AssertionError(method + " " + uri + " answered " + status + ": " + result.getResponseBody());
		};
	}

	/**
	 * A batch over REST, whose items each carry their own result: the call's outcome, or when the
	 * call succeeded, the first item's.
	 */
	@SuppressWarnings("unchecked")
	Outcome restBatch(Callers.Credential credential, String uri, Object body) {
		WebTestClient.RequestBodySpec request = this.http.post().uri(uri);
		if (credential.authorization() != null) {
			request.header("Authorization", credential.authorization());
		}
		if (credential.apiKey() != null) {
			request.header("X-API-Key", credential.apiKey());
		}
		EntityExchangeResult<Map> result = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange()
			.expectBody(Map.class)
			.returnResult();
		int status = result.getStatus().value();
		if (status == 200) {
			Map<String, Object> error = (Map<String, Object>) ((List<Map<String, Object>>) result.getResponseBody().get("results"))
				.get(0).get("error");
			status = error == null ? 200 : (int) error.get("status");
		}
		return switch (status) {
			case 200 -> Outcome.ALLOWED;
			case 401 -> Outcome.UNAUTHENTICATED;
			case 403 -> Outcome.DENIED;
			case 404 -> Outcome.HIDDEN;
			default -> throw new AssertionError("POST " + uri + " answered " + status + ": " + result.getResponseBody());
		};
	}

	/** A GraphQL batch mutation: the first item's error, if any, is the outcome. */
	@SuppressWarnings("unchecked")
	Outcome graphQlBatch(Callers.Credential credential, String document, Map<String, Object> variables, String field) {
		Map<String, Object>[] payload = new Map[1];
		Outcome outcome = graphQl(credential, document, variables, field, body -> payload[0] = body);
		if (outcome != Outcome.ALLOWED) {
			return outcome;
		}
		Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) payload[0].get("data")).get(field);
		Map<String, Object> error = (Map<String, Object>) ((List<Map<String, Object>>) data.get("results")).get(0).get("error");
		return error == null ? Outcome.ALLOWED : graphQlCode((String) error.get("code"), payload[0]);
	}

	/** A GraphQL operation; {@code field} is the root field whose payload is inspected. */
	Outcome graphQl(Callers.Credential credential, String document, Map<String, Object> variables, String field) {
		return graphQl(credential, document, variables, field, body -> {
		});
	}

	@SuppressWarnings("unchecked")
	private Outcome graphQl(Callers.Credential credential, String document, Map<String, Object> variables, String field,
			Consumer<Map<String, Object>> answered) {
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
		answered.accept(body);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
		if (errors != null && !errors.isEmpty()) {
			return graphQlCode((String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code"), body);
		}
		Object payload = ((Map<String, Object>) body.get("data")).get(field);
		if (payload instanceof Map<?, ?> map && map.get("__typename") instanceof String type) {
			if (type.equals("NotFound")) {
				return Outcome.HIDDEN;
			}
			if (List.of("ValidationFailed", "VersionConflict", "InvalidStateTransition", "Conflict", "ScheduleConflict").contains(type)) {
				throw new AssertionError(field + " answered " + body);
			}
		}
		return Outcome.ALLOWED;
	}

	private static Outcome graphQlCode(String code, Map<String, Object> body) {
		return switch (code) {
			case "UNAUTHENTICATED" -> Outcome.UNAUTHENTICATED;
			case "PERMISSION_DENIED" -> Outcome.DENIED;
			case "RESOURCE_NOT_FOUND" -> Outcome.HIDDEN;
			default -> throw new AssertionError("GraphQL answered " + body);
		};
	}

	/** A gRPC batch to core: {@code call} answers the first item's error status (empty when it succeeded). */
	<S extends AbstractStub<S>> Outcome grpcBatch(Callers.Credential credential, Function<ManagedChannel, S> newStub,
			Function<S, com.google.rpc.Status> call) {
		com.google.rpc.Status[] first = new com.google.rpc.Status[1];
		Outcome outcome = grpc(this.core, credential, newStub, stub -> first[0] = call.apply(stub));
		if (outcome != Outcome.ALLOWED || first[0].getCode() == 0) {
			return outcome;
		}
		return switch (io.grpc.Status.Code.values()[first[0].getCode()]) {
			case UNAUTHENTICATED -> Outcome.UNAUTHENTICATED;
			case PERMISSION_DENIED -> Outcome.DENIED;
			case NOT_FOUND -> Outcome.HIDDEN;
			default -> throw new AssertionError("gRPC batch item answered " + first[0]);
		};
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
