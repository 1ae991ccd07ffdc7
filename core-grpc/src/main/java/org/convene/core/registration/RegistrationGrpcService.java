package org.convene.core.registration;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

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
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.UpdateRegistrationRequest;

/** {@code convene.registration.v1.RegistrationService} over gRPC; failures become statuses in the request interceptor. */
@Service
class RegistrationGrpcService extends RegistrationServiceGrpc.RegistrationServiceImplBase {

	private final RegistrationIntake intake;

	private final RegistrationQueries queries;

	private final RegistrationCommands commands;

	private final RegistrationExport export;

	private final TicketCodeIssuer tickets;

	RegistrationGrpcService(RegistrationIntake intake, RegistrationQueries queries, RegistrationCommands commands,
			RegistrationExport export, TicketCodeIssuer tickets) {
		this.intake = intake;
		this.queries = queries;
		this.commands = commands;
		this.export = export;
		this.tickets = tickets;
	}

	@Override
	public void createRegistration(CreateRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, withTicket(this.intake.create(request)));
	}

	@Override
	public void batchCreateRegistrations(BatchCreateRegistrationsRequest request,
			StreamObserver<BatchCreateRegistrationsResponse> response) {
		reply(response, withTickets(this.intake.batchCreate(request)));
	}

	@Override
	public void getRegistration(GetRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, withTicket(this.queries.get(request.getId())));
	}

	@Override
	public void listRegistrations(ListRegistrationsRequest request, StreamObserver<ListRegistrationsResponse> response) {
		reply(response, withTickets(this.queries.list(request)));
	}

	@Override
	public void updateRegistration(UpdateRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, withTicket(this.commands.update(request)));
	}

	@Override
	public void cancelRegistration(CancelRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, withTicket(this.commands.cancel(request)));
	}

	@Override
	public void confirmRegistration(ConfirmRegistrationRequest request, StreamObserver<Registration> response) {
		reply(response, withTicket(this.commands.confirm(request)));
	}

	@Override
	public void exportRegistrations(ExportRegistrationsRequest request, StreamObserver<ExportChunk> response) {
		this.export.export(request, response);
	}

	/** The registration with its ticket code, when it holds a seat. */
	private Registration withTicket(Registration registration) {
		boolean seated = registration.getStatus() == RegistrationStatus.CONFIRMED
				|| registration.getStatus() == RegistrationStatus.CHECKED_IN;
		return seated ? registration.toBuilder().setTicketCode(this.tickets.codeFor(registration)).build() : registration;
	}

	private BatchCreateRegistrationsResponse withTickets(BatchCreateRegistrationsResponse response) {
		BatchCreateRegistrationsResponse.Builder builder = response.toBuilder();
		builder.getResultsBuilderList().stream().filter(result -> result.hasRegistration())
			.forEach(result -> result.setRegistration(withTicket(result.getRegistration())));
		return builder.build();
	}

	private ListRegistrationsResponse withTickets(ListRegistrationsResponse response) {
		ListRegistrationsResponse.Builder builder = response.toBuilder().clearRegistrations();
		response.getRegistrationsList().forEach(registration -> builder.addRegistrations(withTicket(registration)));
		return builder.build();
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
