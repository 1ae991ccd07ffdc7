package org.convene.core.user;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.core.v1.proto.BatchGetUsersRequest;
import org.convene.core.v1.proto.BatchGetUsersResponse;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc;

/** {@code convene.core.v1.UserService} over gRPC. */
@Service
class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

	private final Users users;

	UserGrpcService(Users users) {
		this.users = users;
	}

	@Override
	public void getUser(GetUserRequest request, StreamObserver<User> response) {
		response.onNext(this.users.get(request.getId()));
		response.onCompleted();
	}

	@Override
	public void batchGetUsers(BatchGetUsersRequest request, StreamObserver<BatchGetUsersResponse> response) {
		response.onNext(BatchGetUsersResponse.newBuilder().addAllUsers(this.users.getAll(request.getIdsList())).build());
		response.onCompleted();
	}

}
