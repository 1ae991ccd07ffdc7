package org.convene.core.ticket;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsResponse;
import org.convene.ticket.v1.proto.ListTicketKeysRequest;
import org.convene.ticket.v1.proto.ListTicketKeysResponse;
import org.convene.ticket.v1.proto.Ticket;
import org.convene.ticket.v1.proto.TicketDocument;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.TicketValidation;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

/** {@code convene.ticket.v1.TicketService} over gRPC; failures become statuses in the request interceptor. */
@Service
class TicketGrpcService extends TicketServiceGrpc.TicketServiceImplBase {

	private final TicketQueries queries;

	TicketGrpcService(TicketQueries queries) {
		this.queries = queries;
	}

	@Override
	public void getTicket(GetTicketRequest request, StreamObserver<Ticket> response) {
		reply(response, this.queries.get(request));
	}

	@Override
	public void getTicketPdf(GetTicketRequest request, StreamObserver<TicketDocument> response) {
		reply(response, this.queries.pdf(request));
	}

	@Override
	public void validateTicket(ValidateTicketRequest request, StreamObserver<TicketValidation> response) {
		reply(response, this.queries.validate(request));
	}

	@Override
	public void listTicketKeys(ListTicketKeysRequest request, StreamObserver<ListTicketKeysResponse> response) {
		reply(response, this.queries.keys());
	}

	@Override
	public void listRevokedTickets(ListRevokedTicketsRequest request, StreamObserver<ListRevokedTicketsResponse> response) {
		reply(response, this.queries.revoked(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
