package org.convene.core.checkin;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.registration.v1.proto.Registration;
import org.convene.ticket.v1.proto.BulkCheckInRequest;
import org.convene.ticket.v1.proto.BulkCheckInResponse;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInResult;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListCheckInsResponse;
import org.convene.ticket.v1.proto.UndoCheckInRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansResponse;

/** {@code convene.ticket.v1.CheckInService} over gRPC; failures become statuses in the request interceptor. */
@Service
class CheckInGrpcService extends CheckInServiceGrpc.CheckInServiceImplBase {

	private final CheckInCommands commands;

	private final CheckInList list;

	CheckInGrpcService(CheckInCommands commands, CheckInList list) {
		this.commands = commands;
		this.list = list;
	}

	@Override
	public void checkIn(CheckInRequest request, StreamObserver<CheckInResult> response) {
		reply(response, this.commands.checkIn(request));
	}

	@Override
	public void bulkCheckIn(BulkCheckInRequest request, StreamObserver<BulkCheckInResponse> response) {
		reply(response, this.commands.bulkCheckIn(request));
	}

	@Override
	public void undoCheckIn(UndoCheckInRequest request, StreamObserver<Registration> response) {
		reply(response, this.commands.undo(request));
	}

	@Override
	public void uploadOfflineScans(UploadOfflineScansRequest request, StreamObserver<UploadOfflineScansResponse> response) {
		reply(response, this.commands.upload(request));
	}

	@Override
	public void listCheckIns(ListCheckInsRequest request, StreamObserver<ListCheckInsResponse> response) {
		reply(response, this.list.list(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
