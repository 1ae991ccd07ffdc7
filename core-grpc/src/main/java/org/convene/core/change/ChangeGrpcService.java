package org.convene.core.change;

import java.util.UUID;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeServiceGrpc;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.core.v1.proto.WatchChangesRequest;
import org.convene.grpc.ApiException;

/**
 * {@code convene.core.v1.ChangeService} over gRPC: authorises a stream when it opens, with the
 * rules of reading the same data, and hands it to the {@link ChangeHub}.
 */
@Service
class ChangeGrpcService extends ChangeServiceGrpc.ChangeServiceImplBase {

	private final Events events;

	private final ChangeHub hub;

	ChangeGrpcService(Events events, ChangeHub hub) {
		this.events = events;
		this.hub = hub;
	}

	@Override
	public void watchChanges(WatchChangesRequest request, StreamObserver<Change> response) {
		Caller caller = RequestContext.current().caller();
		ChangeTopic topic = request.getTopic();
		UUID eventId = RequestIds.uuid(request.getEventId(), "eventId");
		switch (topic) {
			// The attendee list, as ListRegistrations of an event allows it.
			case REGISTRATIONS, CHECK_INS -> this.events.managed(caller, eventId, Scopes.REGISTRATIONS_READ, "eventId");
			case EVENT -> this.events.readable(caller, eventId, "eventId");
			// The schedule, as ListSessions allows it.
			case SESSIONS -> {
				if (!caller.isAnonymous()) {
					caller.require(Scopes.SESSIONS_READ);
				}
				this.events.visible(caller, eventId, "eventId");
			}
			default -> throw ApiException.invalid("topic", "must be EVENT, REGISTRATIONS, CHECK_INS or SESSIONS");
		}
		this.hub.open(new Watch(topic, eventId, caller), (ServerCallStreamObserver<Change>) response);
	}

	/** What one stream watches, and for whom. */
	record Watch(ChangeTopic topic, UUID eventId, Caller caller) {
	}

}
