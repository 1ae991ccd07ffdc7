package org.convene.gateway.session;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.convene.session.v1.proto.SessionServiceGrpc.SessionServiceBlockingStub;

/** GraphQL {@code schedule}: a whole day of an event's schedule, by room and by track, in one gRPC call. */
@Controller
class ScheduleGraphQlController {

	private final SessionServiceBlockingStub sessions;

	ScheduleGraphQlController(SessionServiceBlockingStub sessions) {
		this.sessions = sessions;
	}

	@QueryMapping
	ScheduleView schedule(@Argument String eventId, @Argument String day) {
		return ScheduleView.fetch(this.sessions, eventId, day);
	}

	@SchemaMapping(typeName = "Schedule")
	List<ScheduleView.Lane> rooms(ScheduleView schedule) {
		return schedule.rooms();
	}

	@SchemaMapping(typeName = "Schedule")
	List<ScheduleView.Lane> tracks(ScheduleView schedule) {
		return schedule.tracks();
	}

}
