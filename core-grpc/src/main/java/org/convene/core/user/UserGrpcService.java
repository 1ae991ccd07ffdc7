package org.convene.core.user;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.core.v1.proto.BatchGetUsersRequest;
import org.convene.core.v1.proto.BatchGetUsersResponse;
import org.convene.core.v1.proto.ChangePasswordRequest;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.LinkExternalIdentityRequest;
import org.convene.core.v1.proto.ListUsersRequest;
import org.convene.core.v1.proto.ListUsersResponse;
import org.convene.core.v1.proto.SetRolesRequest;
import org.convene.core.v1.proto.SetUserStatusRequest;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.UpdateProfileRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc;
import org.convene.core.v1.proto.VerifyPasswordRequest;
import org.convene.core.v1.proto.VerifyPasswordResponse;

/** {@code convene.core.v1.UserService} over gRPC; failures become statuses in the request interceptor. */
@Service
class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

	private final Users users;

	private final Accounts accounts;

	private final Profiles profiles;

	private final Administration administration;

	private final SignIns signIns;

	UserGrpcService(Users users, Accounts accounts, Profiles profiles, Administration administration, SignIns signIns) {
		this.users = users;
		this.accounts = accounts;
		this.profiles = profiles;
		this.administration = administration;
		this.signIns = signIns;
	}

	@Override
	public void getUser(GetUserRequest request, StreamObserver<User> response) {
		reply(response, this.users.get(request.getId()));
	}

	@Override
	public void batchGetUsers(BatchGetUsersRequest request, StreamObserver<BatchGetUsersResponse> response) {
		reply(response, BatchGetUsersResponse.newBuilder().addAllUsers(this.users.getAll(request.getIdsList())).build());
	}

	@Override
	public void listUsers(ListUsersRequest request, StreamObserver<ListUsersResponse> response) {
		reply(response, this.users.list(request));
	}

	@Override
	public void signUp(SignUpRequest request, StreamObserver<User> response) {
		reply(response, this.accounts.signUp(request));
	}

	@Override
	public void updateProfile(UpdateProfileRequest request, StreamObserver<User> response) {
		reply(response, this.profiles.update(request));
	}

	@Override
	public void changePassword(ChangePasswordRequest request, StreamObserver<Empty> response) {
		this.accounts.changePassword(request);
		reply(response, Empty.getDefaultInstance());
	}

	@Override
	public void setRoles(SetRolesRequest request, StreamObserver<User> response) {
		reply(response, this.administration.setRoles(request));
	}

	@Override
	public void setUserStatus(SetUserStatusRequest request, StreamObserver<User> response) {
		reply(response, this.administration.setStatus(request));
	}

	@Override
	public void verifyPassword(VerifyPasswordRequest request, StreamObserver<VerifyPasswordResponse> response) {
		reply(response, this.signIns.verifyPassword(request));
	}

	@Override
	public void linkExternalIdentity(LinkExternalIdentityRequest request, StreamObserver<User> response) {
		reply(response, this.signIns.link(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
