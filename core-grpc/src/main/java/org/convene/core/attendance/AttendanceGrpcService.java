package org.convene.core.attendance;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.session.v1.proto.BatchGetSessionAttendanceRequest;
import org.convene.session.v1.proto.GetSessionAttendanceRequest;
import org.convene.session.v1.proto.ListEventSessionAttendanceRequest;
import org.convene.session.v1.proto.ListSessionAttendeesRequest;
import org.convene.session.v1.proto.ListSessionAttendeesResponse;
import org.convene.session.v1.proto.SessionAttendance;
import org.convene.session.v1.proto.SessionAttendanceList;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc;
import org.convene.session.v1.proto.SessionCheckInRequest;
import org.convene.session.v1.proto.SessionCheckInResult;

/** {@code convene.session.v1.SessionAttendanceService} over gRPC; failures become statuses in the request interceptor. */
@Service
class AttendanceGrpcService extends SessionAttendanceServiceGrpc.SessionAttendanceServiceImplBase {

	private final SessionScans scans;

	private final AttendanceQueries queries;

	AttendanceGrpcService(SessionScans scans, AttendanceQueries queries) {
		this.scans = scans;
		this.queries = queries;
	}

	@Override
	public void checkInToSession(SessionCheckInRequest request, StreamObserver<SessionCheckInResult> response) {
		reply(response, this.scans.scan(request));
	}

	@Override
	public void getSessionAttendance(GetSessionAttendanceRequest request, StreamObserver<SessionAttendance> response) {
		reply(response, this.queries.get(request.getSessionId()));
	}

	@Override
	public void batchGetSessionAttendance(BatchGetSessionAttendanceRequest request,
			StreamObserver<SessionAttendanceList> response) {
		reply(response, this.queries.batch(request.getSessionIdsList()));
	}

	@Override
	public void listEventSessionAttendance(ListEventSessionAttendanceRequest request,
			StreamObserver<SessionAttendanceList> response) {
		reply(response, this.queries.ofEvent(request.getEventId()));
	}

	@Override
	public void listSessionAttendees(ListSessionAttendeesRequest request, StreamObserver<ListSessionAttendeesResponse> response) {
		reply(response, this.queries.attendees(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
