package org.convene.gateway.client;

import java.text.ParseException;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.gateway.v1.proto.Client;
import org.convene.gateway.v1.proto.ClientServiceGrpc;
import org.convene.gateway.v1.proto.ClientType;
import org.convene.gateway.v1.proto.ClientWithSecret;
import org.convene.gateway.v1.proto.GetClientRequest;
import org.convene.gateway.v1.proto.ListClientsRequest;
import org.convene.gateway.v1.proto.ListClientsResponse;
import org.convene.gateway.v1.proto.RegisterClientRequest;
import org.convene.gateway.v1.proto.RotateClientSecretRequest;
import org.convene.gateway.v1.proto.SetClientDisabledRequest;
import org.convene.grpc.ProtoTime;

/** {@code convene.gateway.v1.ClientService}: client administration through gRPC, with the rules of {@link ClientAdmin}. */
@Service
class ClientGrpcService extends ClientServiceGrpc.ClientServiceImplBase {

	private static final JsonFormat.Printer JSON = JsonFormat.printer();

	private final ClientAdmin admin;

	ClientGrpcService(ClientAdmin admin) {
		this.admin = admin;
	}

	@Override
	public void listClients(ListClientsRequest request, StreamObserver<ListClientsResponse> response) {
		ListClientsResponse.Builder clients = ListClientsResponse.newBuilder();
		this.admin.list().forEach(client -> clients.addClients(toProto(client)));
		reply(response, clients.build());
	}

	@Override
	public void getClient(GetClientRequest request, StreamObserver<Client> response) {
		reply(response, toProto(this.admin.get(request.getClientId())));
	}

	/** The request's JSON form is what REST and GraphQL send, so one reader validates all three. */
	@Override
	public void registerClient(RegisterClientRequest request, StreamObserver<ClientWithSecret> response) {
		reply(response, toProto(this.admin.register(asJson(request))));
	}

	@Override
	public void rotateClientSecret(RotateClientSecretRequest request, StreamObserver<ClientWithSecret> response) {
		reply(response, toProto(this.admin.rotateSecret(request.getClientId())));
	}

	@Override
	public void setClientDisabled(SetClientDisabledRequest request, StreamObserver<Client> response) {
		reply(response, toProto(this.admin.setDisabled(request.getClientId(), request.getDisabled())));
	}

	private static Map<String, Object> asJson(RegisterClientRequest request) {
		try {
			return JSONObjectUtils.parse(JSON.print(request));
		}
		catch (InvalidProtocolBufferException | ParseException ex) {
			throw new IllegalStateException("A request message always prints as a JSON object", ex);
		}
	}

	private static ClientWithSecret toProto(ClientView.ClientWithSecret client) {
		ClientWithSecret.Builder proto = ClientWithSecret.newBuilder().setClient(toProto(client.client()));
		if (client.clientSecret() != null) {
			proto.setClientSecret(client.clientSecret());
		}
		return proto.build();
	}

	private static Client toProto(ClientView client) {
		Client.Builder proto = Client.newBuilder()
			.setClientId(client.clientId())
			.setName(client.name())
			.setDescription(client.description())
			.setType(ClientType.valueOf(client.type()))
			.addAllGrantTypes(client.grantTypes())
			.addAllRedirectUris(client.redirectUris())
			.addAllScopes(client.scopes())
			.setFirstParty(client.firstParty())
			.setPasswordGrant(client.passwordGrant())
			.setDisabled(client.disabled())
			.addAllIpAllowlist(client.ipAllowlist())
			.setRequireConsent(client.requireConsent());
		if (client.ownerUserId() != null) {
			proto.setOwnerUserId(client.ownerUserId());
		}
		if (client.createdAt() != null) {
			proto.setCreatedAt(ProtoTime.of(client.createdAt()));
		}
		return proto.build();
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
