package org.convene.core.calendar;

import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.session.v1.proto.CalendarFeed;
import org.convene.session.v1.proto.CalendarFile;
import org.convene.session.v1.proto.CalendarServiceGrpc;
import org.convene.session.v1.proto.CreateCalendarFeedRequest;
import org.convene.session.v1.proto.CreatedCalendarFeed;
import org.convene.session.v1.proto.GetAgendaCalendarRequest;
import org.convene.session.v1.proto.GetEventCalendarRequest;
import org.convene.session.v1.proto.ListMyCalendarFeedsRequest;
import org.convene.session.v1.proto.ListMyCalendarFeedsResponse;
import org.convene.session.v1.proto.RevokeCalendarFeedRequest;

/** {@code convene.session.v1.CalendarService} over gRPC; failures become statuses in the request interceptor. */
@Service
class CalendarGrpcService extends CalendarServiceGrpc.CalendarServiceImplBase {

	private final EventCalendars events;

	private final AgendaCalendars agendas;

	private final CalendarFeeds feeds;

	CalendarGrpcService(EventCalendars events, AgendaCalendars agendas, CalendarFeeds feeds) {
		this.events = events;
		this.agendas = agendas;
		this.feeds = feeds;
	}

	@Override
	public void getEventCalendar(GetEventCalendarRequest request, StreamObserver<CalendarFile> response) {
		reply(response, this.events.event(request.getEventId()));
	}

	@Override
	public void getAgendaCalendar(GetAgendaCalendarRequest request, StreamObserver<CalendarFile> response) {
		reply(response, this.agendas.agenda(request.getToken()));
	}

	@Override
	public void createCalendarFeed(CreateCalendarFeedRequest request, StreamObserver<CreatedCalendarFeed> response) {
		reply(response, this.feeds.create(request));
	}

	@Override
	public void listMyCalendarFeeds(ListMyCalendarFeedsRequest request,
			StreamObserver<ListMyCalendarFeedsResponse> response) {
		reply(response, this.feeds.mine());
	}

	@Override
	public void revokeCalendarFeed(RevokeCalendarFeedRequest request, StreamObserver<CalendarFeed> response) {
		reply(response, this.feeds.revoke(request));
	}

	private static <T> void reply(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

}
