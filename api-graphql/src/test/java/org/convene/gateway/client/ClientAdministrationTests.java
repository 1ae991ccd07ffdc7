package org.convene.gateway.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.gateway.support.BearerToken;
import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.TestBackends;
import org.convene.gateway.v1.proto.ClientServiceGrpc;
import org.convene.gateway.v1.proto.ClientServiceGrpc.ClientServiceBlockingStub;
import org.convene.gateway.v1.proto.ClientType;
import org.convene.gateway.v1.proto.ClientWithSecret;
import org.convene.gateway.v1.proto.GetClientRequest;
import org.convene.gateway.v1.proto.ListClientsRequest;
import org.convene.gateway.v1.proto.RegisterClientRequest;
import org.convene.gateway.v1.proto.RotateClientSecretRequest;
import org.convene.gateway.v1.proto.SetClientDisabledRequest;
import org.convene.grpc.ApiError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Client administration through the gateway's gRPC door: the same rules as REST and GraphQL. */
class ClientAdministrationTests extends GatewayIntegrationTest {

	private ManagedChannel channel;

	private ClientServiceBlockingStub clients;

	@BeforeEach
	void channel() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", TestBackends.get().gatewayGrpcPort()).usePlaintext().build();
		this.clients = ClientServiceGrpc.newBlockingStub(this.channel).withCallCredentials(new BearerToken(adminToken()));
	}

	@AfterEach
	void close() {
		this.channel.shutdownNow();
	}

	@Test
	void registersAClientWhoseSecretThenGetsTokensUntilRotated() {
		String clientId = "grpc-" + UUID.randomUUID().toString().substring(0, 8);

		ClientWithSecret registered = this.clients.registerClient(RegisterClientRequest.newBuilder()
			.setClientId(clientId)
			.setName("Partner over gRPC")
			.addGrantTypes("client_credentials")
			.addScopes("events:read")
			.build());

		assertThat(registered.getClient().getType()).isEqualTo(ClientType.CONFIDENTIAL);
		assertThat(registered.getClient().getRequireConsent()).isTrue();
		assertThat(registered.getClientSecret()).isNotEmpty();
		assertThat(tokenStatus(clientId, registered.getClientSecret())).isEqualTo(200);

		String rotated = this.clients.rotateClientSecret(RotateClientSecretRequest.newBuilder().setClientId(clientId).build())
			.getClientSecret();

		assertThat(tokenStatus(clientId, registered.getClientSecret())).isEqualTo(401);
		assertThat(tokenStatus(clientId, rotated)).isEqualTo(200);
		assertThat(this.clients.listClients(ListClientsRequest.getDefaultInstance()).getClientsList())
			.anySatisfy(client -> assertThat(client.getClientId()).isEqualTo(clientId));
	}

	@Test
	void disablesAClientSoItGetsNoTokens() {
		String clientId = "grpc-" + UUID.randomUUID().toString().substring(0, 8);
		String secret = this.clients.registerClient(RegisterClientRequest.newBuilder().setClientId(clientId).setName("Soon off")
			.addGrantTypes("client_credentials").addScopes("events:read").build()).getClientSecret();

		assertThat(this.clients.setClientDisabled(SetClientDisabledRequest.newBuilder().setClientId(clientId).setDisabled(true)
			.build()).getDisabled()).isTrue();

		assertThat(tokenStatus(clientId, secret)).isEqualTo(401);
	}

	@Test
	void refusesInvalidInputWithEveryFieldNamed() {
		StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
				() -> this.clients.registerClient(RegisterClientRequest.newBuilder()
					.setClientId("X")
					.setType(ClientType.PUBLIC)
					.addGrantTypes("implicit")
					.build()));

		assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(ApiError.fromThrowable(failure).violations()).extracting(v -> v.field())
			.contains("clientId", "name", "grantTypes", "scopes");
	}

	@Test
	void answersNotFoundForAnUnknownClient() {
		StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
				() -> this.clients.getClient(GetClientRequest.newBuilder().setClientId("no-such-client").build()));

		assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void refusesATamperedTokenWithUnauthenticated() {
		String token = adminToken();
		ClientServiceBlockingStub forged = ClientServiceGrpc.newBlockingStub(this.channel)
			.withCallCredentials(new BearerToken(token.substring(0, token.length() - 4) + "abcd"));

		StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
				() -> forged.listClients(ListClientsRequest.getDefaultInstance()));

		assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	private int tokenStatus(String clientId, String secret) {
		return this.anonymous.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange()
			.returnResult(Map.class)
			.getStatus()
			.value();
	}

}
