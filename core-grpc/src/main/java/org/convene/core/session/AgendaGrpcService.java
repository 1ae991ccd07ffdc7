package org.convene.core.session;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.session.v1.proto.AddToAgendaRequest;
import org.convene.session.v1.proto.AgendaEntry;
import org.convene.session.v1.proto.AgendaServiceGrpc;
import org.convene.session.v1.proto.BatchGetAgendaStatusRequest;
import org.convene.session.v1.proto.BatchGetAgendaStatusResponse;
import org.convene.session.v1.proto.ListAgendaRequest;
import org.convene.session.v1.proto.ListAgendaResponse;
import org.convene.session.v1.proto.RemoveFromAgendaRequest;
import org.convene.session.v1.proto.RemoveFromAgendaResponse;

/** {@code convene.session.v1.AgendaService} over gRPC; failures become statuses in the request interceptor. */
@Service
class AgendaGrpcService extends AgendaServiceGrpc.AgendaServiceImplBase {

	private final AgendaQueries queries;

	private final AgendaCommands commands;

	AgendaGrpcService(AgendaQueries queries, AgendaCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	@Override
	public void addToAgenda(AddToAgendaRequest request, StreamObserver<AgendaEntry> response) {
		reply(response, this.commands.add(request));
	}

	@Override
	public void removeFromAgenda(RemoveFromAgendaRequest request, StreamObserver<RemoveFromAgendaResponse> response) {
		reply(response, this.commands.remove(request));
	}

	@Override
	public void listAgenda(ListAgendaRequest request, StreamObserver<ListAgendaResponse> response) {
		reply(response, this.queries.list(request));
	}

	@Override
	public void batchGetAgendaStatus(BatchGetAgendaStatusRequest request,
			StreamObserver<BatchGetAgendaStatusResponse> response) {
		reply(response, this.queries.statuses(request.getSessionIdsList()));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
