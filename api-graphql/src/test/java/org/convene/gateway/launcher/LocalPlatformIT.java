package org.convene.gateway.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.database.testing.FreePorts;
import org.convene.gateway.support.BearerToken;
import org.convene.gateway.v1.proto.Client;
import org.convene.gateway.v1.proto.ClientServiceGrpc;
import org.convene.gateway.v1.proto.ListClientsRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the launcher starts PostgreSQL and the three services as processes, the three
 * doors answer, SIGTERM stops every process, and a restart finds the data again.
 */
class LocalPlatformIT {

	private static final Duration START = Duration.ofMinutes(4);

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	@TempDir
	Path data;

	@Test
	void servesGraphQlRestAndGrpcStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
		Map<String, String> env = Map.of("CONVENE_DATA_DIR", this.data.toString(), "CONVENE_GATEWAY_PORT",
				port(), "CONVENE_GATEWAY_GRPC_PORT", port(), "CONVENE_CORE_GRPC_PORT", port(), "CONVENE_CORE_HTTP_PORT", port(),
				"CONVENE_CONNECTORS_GRPC_PORT", port(), "CONVENE_CONNECTORS_HTTP_PORT", port());
		String gateway = "http://127.0.0.1:" + env.get("CONVENE_GATEWAY_PORT");
		int coreGrpc = Integer.parseInt(env.get("CONVENE_CORE_GRPC_PORT"));
		int connectorsGrpc = Integer.parseInt(env.get("CONVENE_CONNECTORS_GRPC_PORT"));
		int gatewayGrpc = Integer.parseInt(env.get("CONVENE_GATEWAY_GRPC_PORT"));
		String eventId;
		String tokenOfRotatedOutKey;
		String tokenOfNewKey;

		try (PlatformProcess platform = PlatformProcess.start(env)) {
			System.out.println(platform.awaitRunning(START));
			Properties credentials = FirstStartCredentials.await(this.data, Duration.ofSeconds(60));
			String token = FirstStartCredentials.adminToken(this.http, gateway, credentials);

			HttpResponse<String> created = post(gateway + "/api/v1/events", token, """
					{"title": "End to end", "startsAt": "2027-05-04T18:00:00+02:00",
					 "endsAt": "2027-05-04T20:00:00+02:00", "timeZone": "Europe/Berlin"}""", "e2e-corr-1");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			assertThat(created.headers().firstValue("X-Correlation-ID")).hasValue("e2e-corr-1");
			eventId = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

			HttpResponse<String> graphQl = post(gateway + "/graphql", token,
					"{\"query\": \"{ event(id: \\\"" + eventId + "\\\") { title statistics { confirmed } } }\"}", "e2e-corr-2");
			assertThat(graphQl.body()).contains("\"title\":\"End to end\"").doesNotContain("errors");

			ManagedChannel core = ManagedChannelBuilder.forAddress("127.0.0.1", coreGrpc).usePlaintext().build();
			ManagedChannel connectors = ManagedChannelBuilder.forAddress("127.0.0.1", connectorsGrpc).usePlaintext().build();
			ManagedChannel gatewayChannel = ManagedChannelBuilder.forAddress("127.0.0.1", gatewayGrpc).usePlaintext().build();
			try {
				assertThat(EventServiceGrpc.newBlockingStub(core)
					.withCallCredentials(new BearerToken(token))
					.getEvent(GetEventRequest.newBuilder().setId(eventId).build())
					.getTitle()).isEqualTo("End to end");
				assertThat(HealthGrpc.newBlockingStub(core).check(HealthCheckRequest.getDefaultInstance()).getStatus())
					.isEqualTo(ServingStatus.SERVING);
				assertThat(HealthGrpc.newBlockingStub(connectors).check(HealthCheckRequest.getDefaultInstance()).getStatus())
					.isEqualTo(ServingStatus.SERVING);
				assertThat(services(core)).contains("convene.core.v1.EventService", "convene.core.v1.UserService");
				assertThat(services(connectors)).contains("grpc.health.v1.Health");
				assertThat(ClientServiceGrpc.newBlockingStub(gatewayChannel)
					.withCallCredentials(new BearerToken(token))
					.listClients(ListClientsRequest.getDefaultInstance())
					.getClientsList()).extracting(Client::getClientId).contains("convene-admin", "convene-web");
			}
			finally {
				core.shutdownNow();
				connectors.shutdownNow();
				gatewayChannel.shutdownNow();
			}
			HttpResponse<String> rotated = post(gateway + "/api/v1/admin/signing-keys/rotate", token, "", "e2e-corr-3");
			assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
			tokenOfRotatedOutKey = token;
			tokenOfNewKey = FirstStartCredentials.adminToken(this.http, gateway, credentials);

			assertThat(get(gateway + "/v3/api-docs").body()).contains("\"openapi\":\"3.1").contains("/api/v1/events");
			assertThat(get(gateway + "/graphiql").body()).containsIgnoringCase("graphiql");

			List<ProcessHandle> children = platform.descendants();
			assertThat(platform.stop(Duration.ofSeconds(90))).as(platform.tail()).isTrue();
			assertThat(children).noneMatch(ProcessHandle::isAlive);
			assertThat(ResidentMemory.postgresProcesses(this.data).toList()).isEmpty();
		}

		try (PlatformProcess restarted = PlatformProcess.start(env)) {
			restarted.awaitRunning(START);

			// The signing keys are in the database: tokens from before the restart still verify,
			// including those signed by the key rotated out.
			for (String token : List.of(tokenOfRotatedOutKey, tokenOfNewKey)) {
				HttpResponse<String> again = this.http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events/" + eventId))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());

				assertThat(again.statusCode()).isEqualTo(200);
				assertThat(again.body()).contains("\"title\":\"End to end\"");
			}
			assertThat(restarted.stop(Duration.ofSeconds(90))).isTrue();
		}
	}

	private HttpResponse<String> post(String uri, String token, String json, String correlationId) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("X-Correlation-ID", correlationId)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> services(ManagedChannel channel) throws Exception {
		CompletableFuture<List<String>> names = new CompletableFuture<>();
		StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
			.serverReflectionInfo(new StreamObserver<>() {
				@Override
				public void onNext(ServerReflectionResponse response) {
					names.complete(response.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList());
				}

				@Override
				public void onError(Throwable error) {
					names.completeExceptionally(error);
				}

				@Override
				public void onCompleted() {
				}
			});
		requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
		List<String> result = names.get(10, TimeUnit.SECONDS);
		requests.onCompleted();
		return result;
	}

	private static String port() {
		return Integer.toString(FreePorts.next());
	}

}
