package org.convene.core.tickettype;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.registration.v1.proto.BatchGetTicketTypesRequest;
import org.convene.registration.v1.proto.BatchGetTicketTypesResponse;
import org.convene.registration.v1.proto.BatchListTicketTypesRequest;
import org.convene.registration.v1.proto.BatchListTicketTypesResponse;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.GetTicketTypeRequest;
import org.convene.registration.v1.proto.ListTicketTypesRequest;
import org.convene.registration.v1.proto.ListTicketTypesResponse;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;
import org.convene.registration.v1.proto.UpdateTicketTypeRequest;

/** {@code convene.registration.v1.TicketTypeService} over gRPC; failures become statuses in the request interceptor. */
@Service
class TicketTypeGrpcService extends TicketTypeServiceGrpc.TicketTypeServiceImplBase {

	private final TicketTypeQueries queries;

	private final TicketTypeCommands commands;

	TicketTypeGrpcService(TicketTypeQueries queries, TicketTypeCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	@Override
	public void createTicketType(CreateTicketTypeRequest request, StreamObserver<TicketType> response) {
		reply(response, this.commands.create(request));
	}

	@Override
	public void updateTicketType(UpdateTicketTypeRequest request, StreamObserver<TicketType> response) {
		reply(response, this.commands.update(request));
	}

	@Override
	public void getTicketType(GetTicketTypeRequest request, StreamObserver<TicketType> response) {
		reply(response, this.queries.get(request.getId()));
	}

	@Override
	public void listTicketTypes(ListTicketTypesRequest request, StreamObserver<ListTicketTypesResponse> response) {
		reply(response, this.queries.list(request.getEventId()));
	}

	@Override
	public void batchListTicketTypes(BatchListTicketTypesRequest request, StreamObserver<BatchListTicketTypesResponse> response) {
		reply(response, this.queries.listAll(request.getEventIdsList()));
	}

	@Override
	public void batchGetTicketTypes(BatchGetTicketTypesRequest request, StreamObserver<BatchGetTicketTypesResponse> response) {
		reply(response, this.queries.getAll(request.getIdsList()));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
