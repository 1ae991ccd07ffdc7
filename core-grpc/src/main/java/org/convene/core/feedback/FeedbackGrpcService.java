package org.convene.core.feedback;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.session.v1.proto.BatchGetSessionFeedbackSummariesRequest;
import org.convene.session.v1.proto.GetSessionFeedbackSummaryRequest;
import org.convene.session.v1.proto.ListEventSessionFeedbackRequest;
import org.convene.session.v1.proto.ListMySessionFeedbackRequest;
import org.convene.session.v1.proto.ListMySessionFeedbackResponse;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsRequest;
import org.convene.session.v1.proto.ListSessionFeedbackCommentsResponse;
import org.convene.session.v1.proto.SessionFeedback;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc;
import org.convene.session.v1.proto.SessionFeedbackSummary;
import org.convene.session.v1.proto.SessionFeedbackSummaryList;
import org.convene.session.v1.proto.SubmitSessionFeedbackRequest;

/** {@code convene.session.v1.SessionFeedbackService} over gRPC; failures become statuses in the request interceptor. */
@Service
class FeedbackGrpcService extends SessionFeedbackServiceGrpc.SessionFeedbackServiceImplBase {

	private final FeedbackCommands commands;

	private final FeedbackQueries queries;

	FeedbackGrpcService(FeedbackCommands commands, FeedbackQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@Override
	public void submitSessionFeedback(SubmitSessionFeedbackRequest request, StreamObserver<SessionFeedback> response) {
		reply(response, this.commands.submit(request));
	}

	@Override
	public void listMySessionFeedback(ListMySessionFeedbackRequest request,
			StreamObserver<ListMySessionFeedbackResponse> response) {
		reply(response, this.queries.mine(request.getSessionIdsList()));
	}

	@Override
	public void getSessionFeedbackSummary(GetSessionFeedbackSummaryRequest request,
			StreamObserver<SessionFeedbackSummary> response) {
		reply(response, this.queries.summary(request.getSessionId()));
	}

	@Override
	public void batchGetSessionFeedbackSummaries(BatchGetSessionFeedbackSummariesRequest request,
			StreamObserver<SessionFeedbackSummaryList> response) {
		reply(response, this.queries.batch(request.getSessionIdsList()));
	}

	@Override
	public void listEventSessionFeedback(ListEventSessionFeedbackRequest request,
			StreamObserver<SessionFeedbackSummaryList> response) {
		reply(response, this.queries.ofEvent(request.getEventId()));
	}

	@Override
	public void listSessionFeedbackComments(ListSessionFeedbackCommentsRequest request,
			StreamObserver<ListSessionFeedbackCommentsResponse> response) {
		reply(response, this.queries.comments(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
