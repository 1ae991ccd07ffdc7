package org.convene.gateway.session;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.SessionServiceGrpc.SessionServiceBlockingStub;

/** {@code GET /api/v1/events/{eventId}/schedule}: a whole day of an event's schedule as lanes, in one gRPC call. */
@RestController
@Tag(name = "Sessions")
class ScheduleRestController {

	private final SessionServiceBlockingStub sessions;

	ScheduleRestController(SessionServiceBlockingStub sessions) {
		this.sessions = sessions;
	}

	@GetMapping(path = "/api/v1/events/{eventId}/schedule", produces = "application/json")
	@Operation(summary = "One day of an event's schedule", description = "Every session running that day in the event's "
			+ "time zone (day=2027-05-04; the event's first day when absent), cancelled ones too, as lanes by room "
			+ "(groupBy=room, the default) or by track (groupBy=track); the lane without a name holds the sessions "
			+ "without one. Also the days the event spans.")
	ScheduleDay schedule(@PathVariable String eventId, @RequestParam(required = false) String day,
			@RequestParam(defaultValue = "room") String groupBy) {
		String grouping = groupBy.strip().toLowerCase(Locale.ROOT);
		if (!grouping.equals("room") && !grouping.equals("track")) {
			throw ApiException.invalid("groupBy", "must be room or track");
		}
		ScheduleView schedule = ScheduleView.fetch(this.sessions, eventId, day);
		return new ScheduleDay(schedule.eventId(), schedule.day(), schedule.timeZone(), schedule.days(), grouping,
				grouping.equals("room") ? schedule.rooms() : schedule.tracks());
	}

	/** The REST body: one grouping's lanes. */
	record ScheduleDay(String eventId, String day, String timeZone, List<String> days, String groupBy,
			List<ScheduleView.Lane> lanes) {
	}

}
