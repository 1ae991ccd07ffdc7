package org.convene.gateway.authz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.session.v1.proto.CalendarServiceGrpc;
import org.convene.session.v1.proto.CreateCalendarFeedRequest;
import org.convene.session.v1.proto.GetAgendaCalendarRequest;
import org.convene.session.v1.proto.GetEventCalendarRequest;
import org.convene.session.v1.proto.ListMyCalendarFeedsRequest;
import org.convene.session.v1.proto.RevokeCalendarFeedRequest;

/**
 * The matrix rows of calendar feeds: an event's calendar is read like the event; an agenda
 * feed's file needs no credentials, only its token (anyone holding it may read it); the feeds
 * themselves are their owner's alone: nobody else (administrators neither) finds them. One
 * agenda feed of the owner serves the reading rows; revoking takes a fresh one each time.
 */
final class CalendarRows {

	private final Doors doors;

	private final Callers callers;

	private final WebTestClient anonymous;

	private final Supplier<String> ownersPublishedEvent;

	private String event;

	private String token;

	CalendarRows(Doors doors, Callers callers, WebTestClient anonymous, Supplier<String> ownersPublishedEvent) {
		this.doors = doors;
		this.callers = callers;
		this.anonymous = anonymous;
		this.ownersPublishedEvent = ownersPublishedEvent;
	}

	/** Only the feed's owner (or their API key); for anyone else with a user it does not exist. */
	static Map<Who, Outcome> feedOwner() {
		Map<Who, Outcome> expected = new EnumMap<>(Who.class);
		expected.put(Who.ANONYMOUS, Outcome.UNAUTHENTICATED);
		expected.put(Who.ATTENDEE, Outcome.HIDDEN);
		expected.put(Who.SPEAKER, Outcome.HIDDEN);
		expected.put(Who.OWNER, Outcome.ALLOWED);
		expected.put(Who.OTHER_ORGANIZER, Outcome.HIDDEN);
		expected.put(Who.ADMIN, Outcome.HIDDEN);
		expected.put(Who.PARTNER, Outcome.DENIED);
		expected.put(Who.PARTNER_WITHOUT_SCOPE, Outcome.DENIED);
		expected.put(Who.API_KEY, Outcome.ALLOWED);
		expected.put(Who.EXPIRED_TOKEN, Outcome.UNAUTHENTICATED);
		expected.put(Who.UNKNOWN_KEY_TOKEN, Outcome.UNAUTHENTICATED);
		return expected;
	}

	List<Operation> all() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("GET /api/v1/events/{id}/calendar.ics", Expect.publicRead(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/events/" + event() + "/calendar.ics", null)));
		ops.add(row("GET /api/v1/calendar-feeds/{token}.ics", Expect.open(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/calendar-feeds/" + token() + ".ics", null)));
		ops.add(row("POST /api/v1/users/me/calendar-feeds", Expect.self(),
				(w, c) -> this.doors.rest(c, HttpMethod.POST, "/api/v1/users/me/calendar-feeds", Map.of("name", "Matrix"))));
		ops.add(row("GET /api/v1/users/me/calendar-feeds", Expect.self(),
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/users/me/calendar-feeds", null)));
		ops.add(row("DELETE /api/v1/users/me/calendar-feeds/{id}", feedOwner(),
				(w, c) -> this.doors.rest(c, HttpMethod.DELETE, "/api/v1/users/me/calendar-feeds/" + ownersFeed()[0], null)));

		ops.add(row("Query.myCalendarFeeds", Expect.self(),
				(w, c) -> this.doors.graphQl(c, "{ myCalendarFeeds { id } }", Map.of(), "myCalendarFeeds")));
		ops.add(row("Mutation.createCalendarFeed", Expect.self(), (w, c) -> this.doors.graphQl(c,
				"mutation { createCalendarFeed(input: {name: \"Matrix\"}) { __typename } }", Map.of(), "createCalendarFeed")));
		ops.add(row("Mutation.revokeCalendarFeed", feedOwner(), (w, c) -> this.doors.graphQl(c,
				"mutation($input: RevokeCalendarFeedInput!) { revokeCalendarFeed(input: $input) { __typename } }",
				Map.of("input", Map.of("id", ownersFeed()[0])), "revokeCalendarFeed")));

		String service = "convene.session.v1.CalendarService/";
		ops.add(row(service + "GetEventCalendar", Expect.publicRead(), (w, c) -> this.doors.grpc(c,
				CalendarServiceGrpc::newBlockingStub,
				s -> s.getEventCalendar(GetEventCalendarRequest.newBuilder().setEventId(event()).build()))));
		ops.add(row(service + "GetAgendaCalendar", Expect.open(), (w, c) -> this.doors.grpc(c,
				CalendarServiceGrpc::newBlockingStub,
				s -> s.getAgendaCalendar(GetAgendaCalendarRequest.newBuilder().setToken(token()).build()))));
		ops.add(row(service + "CreateCalendarFeed", Expect.self(), (w, c) -> this.doors.grpc(c,
				CalendarServiceGrpc::newBlockingStub,
				s -> s.createCalendarFeed(CreateCalendarFeedRequest.newBuilder().setName("Matrix").build()))));
		ops.add(row(service + "ListMyCalendarFeeds", Expect.self(), (w, c) -> this.doors.grpc(c,
				CalendarServiceGrpc::newBlockingStub, s -> s.listMyCalendarFeeds(ListMyCalendarFeedsRequest.getDefaultInstance()))));
		ops.add(row(service + "RevokeCalendarFeed", feedOwner(), (w, c) -> this.doors.grpc(c,
				CalendarServiceGrpc::newBlockingStub,
				s -> s.revokeCalendarFeed(RevokeCalendarFeedRequest.newBuilder().setId(ownersFeed()[0]).build()))));
		return ops;
	}

	private String event() {
		if (this.event == null) {
			this.event = this.ownersPublishedEvent.get();
		}
		return this.event;
	}

	/** The token of the owner's feed the reading rows share; nobody revokes it. */
	private String token() {
		if (this.token == null) {
			this.token = ownersFeed()[1];
		}
		return this.token;
	}

	/** A new feed of the owner's: its id and token. */
	private String[] ownersFeed() {
		Map<?, ?> created = this.anonymous.post()
			.uri("/api/v1/users/me/calendar-feeds")
			.header("Authorization", this.callers.get(Who.OWNER).authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Matrix fixture"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return new String[] { (String) ((Map<?, ?>) created.get("feed")).get("id"), (String) created.get("token") };
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

}
