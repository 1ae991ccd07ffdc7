package org.convene.gateway.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.convene.session.v1.proto.GetScheduleRequest;
import org.convene.session.v1.proto.Schedule;
import org.convene.session.v1.proto.SessionServiceGrpc.SessionServiceBlockingStub;

/**
 * One day of an event's programme: its sessions by start time, and the same sessions as lanes
 * by room and by track, the way a schedule grid shows them.
 */
record ScheduleView(String eventId, String day, String timeZone, List<String> days, List<SessionView> sessions) {

	/** The day asked for ({@code null}: the event's first day). */
	static ScheduleView fetch(SessionServiceBlockingStub sessions, String eventId, String day) {
		GetScheduleRequest.Builder request = GetScheduleRequest.newBuilder().setEventId(eventId);
		if (day != null) {
			request.setDay(day);
		}
		return of(sessions.getSchedule(request.build()));
	}

	static ScheduleView of(Schedule schedule) {
		return new ScheduleView(schedule.getEventId(), schedule.getDay(), schedule.getTimeZone(),
				List.copyOf(schedule.getDaysList()), schedule.getSessionsList().stream().map(SessionView::of).toList());
	}

	/** A lane per room (rooms compared ignoring case, as the schedule's rules do). */
	List<Lane> rooms() {
		return lanes(SessionView::room);
	}

	List<Lane> tracks() {
		return lanes(SessionView::track);
	}

	/**
	 * Lanes ordered by name ignoring case, the sessions without one in a last lane without a
	 * name; each lane keeps the start-time order and takes the spelling of its first session.
	 */
	private List<Lane> lanes(Function<SessionView, String> nameOf) {
		Map<String, Lane> lanes = new LinkedHashMap<>();
		for (SessionView session : this.sessions) {
			String name = nameOf.apply(session);
			String key = name == null ? null : name.toLowerCase(Locale.ROOT);
			lanes.computeIfAbsent(key, k -> new Lane(name, new ArrayList<>())).sessions().add(session);
		}
		return lanes.values()
			.stream()
			.sorted(Comparator.comparing(Lane::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
			.map(lane -> new Lane(lane.name(), List.copyOf(lane.sessions())))
			.toList();
	}

	/** The sessions of one room or track; {@code name} is null for those without one. */
	record Lane(String name, List<SessionView> sessions) {
	}

}
