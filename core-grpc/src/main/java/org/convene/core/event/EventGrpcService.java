package org.convene.core.event;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.core.v1.proto.BatchGetEventStatisticsRequest;
import org.convene.core.v1.proto.BatchGetEventStatisticsResponse;
import org.convene.core.v1.proto.BatchGetEventsRequest;
import org.convene.core.v1.proto.BatchGetEventsResponse;
import org.convene.core.v1.proto.BatchListSubEventsRequest;
import org.convene.core.v1.proto.BatchListSubEventsResponse;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.EventStatistics;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.GetEventStatisticsRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.ListEventsResponse;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;

/** {@code convene.core.v1.EventService} over gRPC; failures become statuses in the request interceptor. */
@Service
class EventGrpcService extends EventServiceGrpc.EventServiceImplBase {

	private final EventQueries queries;

	private final EventCommands commands;

	EventGrpcService(EventQueries queries, EventCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	@Override
	public void getEvent(GetEventRequest request, StreamObserver<Event> response) {
		reply(response, this.queries.get(request.getId()));
	}

	@Override
	public void batchGetEvents(BatchGetEventsRequest request, StreamObserver<BatchGetEventsResponse> response) {
		reply(response, BatchGetEventsResponse.newBuilder().addAllEvents(this.queries.getAll(request.getIdsList())).build());
	}

	@Override
	public void listEvents(ListEventsRequest request, StreamObserver<ListEventsResponse> response) {
		reply(response, this.queries.list(request));
	}

	@Override
	public void createEvent(CreateEventRequest request, StreamObserver<Event> response) {
		reply(response, this.commands.create(request));
	}

	@Override
	public void updateEvent(UpdateEventRequest request, StreamObserver<Event> response) {
		reply(response, this.commands.update(request));
	}

	@Override
	public void updateRecurrence(UpdateRecurrenceRequest request, StreamObserver<Event> response) {
		reply(response, this.commands.updateRecurrence(request));
	}

	@Override
	public void publishEvent(PublishEventRequest request, StreamObserver<Event> response) {
		reply(response, this.commands.publish(request));
	}

	@Override
	public void cancelEvent(CancelEventRequest request, StreamObserver<Event> response) {
		reply(response, this.commands.cancel(request));
	}

	@Override
	public void getEventStatistics(GetEventStatisticsRequest request, StreamObserver<EventStatistics> response) {
		reply(response, this.queries.statistics(request.getEventId()));
	}

	@Override
	public void batchGetEventStatistics(BatchGetEventStatisticsRequest request,
			StreamObserver<BatchGetEventStatisticsResponse> response) {
		reply(response, BatchGetEventStatisticsResponse.newBuilder()
			.addAllStatistics(this.queries.statistics(request.getEventIdsList()))
			.build());
	}

	@Override
	public void batchListSubEvents(BatchListSubEventsRequest request, StreamObserver<BatchListSubEventsResponse> response) {
		reply(response, this.queries.subEvents(request.getParentIdsList(), request.getLimitPerParent()));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
