package org.convene.gateway.calendar;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.calendar.CalendarFeedView.CreatedCalendarFeed;
import org.convene.gateway.event.EventView;
import org.convene.gateway.graphql.UserErrors;
import org.convene.session.v1.proto.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.convene.session.v1.proto.CreateCalendarFeedRequest;
import org.convene.session.v1.proto.ListMyCalendarFeedsRequest;
import org.convene.session.v1.proto.RevokeCalendarFeedRequest;

/** {@code Event.calendarUrl}, {@code myCalendarFeeds} and the agenda feed mutations. */
@Controller
class CalendarGraphQlController {

	private final CalendarServiceBlockingStub calendars;

	private final CalendarUrls urls;

	CalendarGraphQlController(CalendarServiceBlockingStub calendars, CalendarUrls urls) {
		this.calendars = calendars;
		this.urls = urls;
	}

	/** A URL, not a call: whether the caller may read it is decided when it is fetched. */
	@SchemaMapping(typeName = "Event", field = "calendarUrl")
	String calendarUrl(EventView event) {
		return this.urls.event(event.id());
	}

	@QueryMapping
	List<CalendarFeedView> myCalendarFeeds() {
		return this.calendars.listMyCalendarFeeds(ListMyCalendarFeedsRequest.getDefaultInstance())
			.getFeedsList()
			.stream()
			.map(CalendarFeedView::of)
			.toList();
	}

	@MutationMapping
	Object createCalendarFeed(@Argument Map<String, Object> input) {
		Object name = input == null ? null : input.get("name");
		return UserErrors.orUserError(() -> CreatedCalendarFeed.of(this.calendars.createCalendarFeed(
				CreateCalendarFeedRequest.newBuilder().setName(name == null ? "" : name.toString()).build()), this.urls));
	}

	@MutationMapping
	Object revokeCalendarFeed(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> new CalendarFeedResult(CalendarFeedView.of(this.calendars
			.revokeCalendarFeed(RevokeCalendarFeedRequest.newBuilder().setId((String) input.get("id")).build()))));
	}

	/** The feed a mutation produced. */
	record CalendarFeedResult(CalendarFeedView feed) {
	}

}
