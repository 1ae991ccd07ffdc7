package org.convene.gateway.calendar;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.calendar.CalendarFeedView.CreatedCalendarFeed;
import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.convene.session.v1.proto.CreateCalendarFeedRequest;
import org.convene.session.v1.proto.ListMyCalendarFeedsRequest;
import org.convene.session.v1.proto.RevokeCalendarFeedRequest;

/** The caller's agenda feeds under {@code /api/v1/users/me/calendar-feeds}. */
@RestController
@RequestMapping(path = "/api/v1/users/me/calendar-feeds", produces = "application/json")
@Tag(name = "Calendar feeds", description = "iCalendar (RFC 5545) feeds of events, series and personal agendas")
class CalendarFeedRestController {

	private final CalendarServiceBlockingStub calendars;

	private final CalendarUrls urls;

	CalendarFeedRestController(CalendarServiceBlockingStub calendars, CalendarUrls urls) {
		this.calendars = calendars;
		this.urls = urls;
	}

	@PostMapping
	@Operation(summary = "Create an agenda feed", description = "Body (optional): {\"name\": \"Phone\"}. The answer "
			+ "holds the private URL to subscribe to (url, webcalUrl) and its token, shown only this once; it is not "
			+ "cached. Needs sessions:write.")
	ResponseEntity<CreatedCalendarFeed> create(@RequestBody(required = false) Map<String, Object> body) {
		Object name = body == null ? null : body.get("name");
		if (name != null && !(name instanceof String)) {
			throw ApiException.invalid("name", "must be a string of 1 to 100 characters");
		}
		CreatedCalendarFeed created = CreatedCalendarFeed.of(this.calendars.createCalendarFeed(
				CreateCalendarFeedRequest.newBuilder().setName(name == null ? "" : (String) name).build()), this.urls);
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(created);
	}

	@GetMapping
	@Operation(summary = "List your agenda feeds", description = "Newest first, revoked ones included; without tokens.")
	FeedList list() {
		return new FeedList(this.calendars.listMyCalendarFeeds(ListMyCalendarFeedsRequest.getDefaultInstance())
			.getFeedsList()
			.stream()
			.map(CalendarFeedView::of)
			.toList());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke an agenda feed", description = "Its URL answers 404 from now on. Answers the feed "
			+ "with revokedAt; revoking again keeps the first time.")
	CalendarFeedView revoke(@PathVariable String id) {
		return CalendarFeedView.of(this.calendars.revokeCalendarFeed(RevokeCalendarFeedRequest.newBuilder().setId(id).build()));
	}

	/**
	 * The caller's feeds; few, so not paged.
	 *
	 * @param data the feeds, newest first
	 */
	record FeedList(List<CalendarFeedView> data) {
	}

}
