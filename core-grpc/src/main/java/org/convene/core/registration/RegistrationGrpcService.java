package org.convene.core.registration;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.core.idempotency.StoresIdempotentResponse;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.BatchCreateRegistrationsResponse;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.ConfirmRegistrationRequest;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.ExportChunk;
import org.convene.registration.v1.proto.ExportRegistrationsRequest;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.ListRegistrationsResponse;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.UpdateRegistrationRequest;

/**
 * {@code convene.registration.v1.RegistrationService} over gRPC; failures become statuses in
 * the request interceptor. Registrations are taken in the batch worker's transaction, which
 * stores the answer under the call's idempotency key itself ({@link IdempotentAnswers}).
 */
@Service
class RegistrationGrpcService extends RegistrationServiceGrpc.RegistrationServiceImplBase {

	private final RegistrationIntake intake;

	private final RegistrationQueries queries;

	private final RegistrationCommands commands;

	private final RegistrationExport export;

	private final AnswerTickets tickets;

	RegistrationGrpcService(RegistrationIntake intake, RegistrationQueries queries, RegistrationCommands commands,
			RegistrationExport export, AnswerTickets tickets) {
		this.intake = intake;
		this.queries = queries;
		this.commands = commands;
		this.export = export;
		this.tickets = tickets;
	}

	@Override
	@StoresIdempotentResponse
	public void createRegistration(CreateRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, this.tickets.added(this.intake.create(request)));
	}

	@Override
	@StoresIdempotentResponse
	public void batchCreateRegistrations(BatchCreateRegistrationsRequest request,
			StreamObserver<BatchCreateRegistrationsResponse> response) {
		reply(response, this.tickets.added(this.intake.batchCreate(request)));
	}

	@Override
	public void getRegistration(GetRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, this.tickets.added(this.queries.get(request.getId())));
	}

	@Override
	public void listRegistrations(ListRegistrationsRequest request, StreamObserver<ListRegistrationsResponse> response) {
		reply(response, this.tickets.added(this.queries.list(request)));
	}

	@Override
	public void updateRegistration(UpdateRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, this.tickets.added(this.commands.update(request)));
	}

	@Override
	public void cancelRegistration(CancelRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, this.tickets.added(this.commands.cancel(request)));
	}

	@Override
	public void confirmRegistration(ConfirmRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, this.tickets.added(this.commands.confirm(request)));
	}

	@Override
	public void exportRegistrations(ExportRegistrationsRequest request, StreamObserver<ExportChunk> response) {
		this.export.export(request, response);
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
