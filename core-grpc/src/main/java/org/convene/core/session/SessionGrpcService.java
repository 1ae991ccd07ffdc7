package org.convene.core.session;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.BatchListSessionsRequest;
import org.convene.session.v1.proto.BatchListSessionsResponse;
import org.convene.session.v1.proto.CancelSessionRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.GetScheduleRequest;
import org.convene.session.v1.proto.GetSessionRequest;
import org.convene.session.v1.proto.ListMySessionsRequest;
import org.convene.session.v1.proto.ListSessionsRequest;
import org.convene.session.v1.proto.ListSessionsResponse;
import org.convene.session.v1.proto.Schedule;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.UnassignSpeakerRequest;
import org.convene.session.v1.proto.UpdateSessionRequest;

/** {@code convene.session.v1.SessionService} over gRPC; failures become statuses in the request interceptor. */
@Service
class SessionGrpcService extends SessionServiceGrpc.SessionServiceImplBase {

	private final SessionQueries queries;

	private final SessionCommands commands;

	SessionGrpcService(SessionQueries queries, SessionCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	@Override
	public void createSession(CreateSessionRequest request, StreamObserver<Session> response) {
		reply(response, this.commands.create(request));
	}

	@Override
	public void updateSession(UpdateSessionRequest request, StreamObserver<Session> response) {
		reply(response, this.commands.update(request));
	}

	@Override
	public void cancelSession(CancelSessionRequest request, StreamObserver<Session> response) {
		reply(response, this.commands.cancel(request));
	}

	@Override
	public void assignSpeaker(AssignSpeakerRequest request, StreamObserver<Session> response) {
		reply(response, this.commands.assign(request));
	}

	@Override
	public void unassignSpeaker(UnassignSpeakerRequest request, StreamObserver<Session> response) {
		reply(response, this.commands.unassign(request));
	}

	@Override
	public void getSession(GetSessionRequest request, StreamObserver<Session> response) {
		reply(response, this.queries.get(request.getId()));
	}

	@Override
	public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> response) {
		reply(response, this.queries.list(request));
	}

	@Override
	public void batchListSessions(BatchListSessionsRequest request, StreamObserver<BatchListSessionsResponse> response) {
		reply(response, this.queries.listAll(request.getEventIdsList()));
	}

	@Override
	public void listMySessions(ListMySessionsRequest request, StreamObserver<ListSessionsResponse> response) {
		reply(response, this.queries.mine(request));
	}

	@Override
	public void getSchedule(GetScheduleRequest request, StreamObserver<Schedule> response) {
		reply(response, this.queries.schedule(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
