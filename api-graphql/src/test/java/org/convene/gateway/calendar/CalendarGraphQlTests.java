package org.convene.gateway.calendar;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.support.AuthorizationCodeFlow;
import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** Event.calendarUrl and the agenda feed fields of GraphQL, over real HTTP against the real core. */
class CalendarGraphQlTests extends GatewayIntegrationTest {

	private static final String PASSWORD = "correct-horse-battery";

	private HttpGraphQlTester signedInAttendee() throws Exception {
		String email = "calendar-gql-" + UUID.randomUUID() + "@example.test";
		this.anonymous.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Cal Endar"))
			.exchange().expectStatus().isCreated();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(this.baseUrl);
		AuthorizationCodeFlow.Result result = browser.authorize("convene-web", "http://localhost:3000/callback",
				"events:read sessions:read sessions:write", email, PASSWORD, List.of());
		String token = AuthorizationCodeFlow.field(
				browser.exchange("convene-web", "http://localhost:3000/callback", result.code()).body(), "access_token");
		WebTestClient client = this.anonymous.mutate()
			.baseUrl(this.baseUrl + "/graphql")
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		return HttpGraphQlTester.create(client);
	}

	@Test
	void anEventNamesTheUrlOfItsCalendar() {
		Map<?, ?> created = this.http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.event("GraphQL calendar", CalendarRestTests.START))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) created.get("id");

		this.graphQl.document("query($id: ID!) { event(id: $id) { calendarUrl } }")
			.variable("id", id)
			.execute()
			.path("event.calendarUrl").entity(String.class).isEqualTo(this.baseUrl + "/api/v1/events/" + id + "/calendar.ics");
	}

	@Test
	void createsListsAndRevokesAgendaFeeds() throws Exception {
		HttpGraphQlTester attendee = signedInAttendee();

		String url = attendee.document("mutation { createCalendarFeed(input: {name: \"Phone\"}, idempotencyKey: \""
				+ UUID.randomUUID() + "\") { __typename ... on CreatedCalendarFeed { url webcalUrl token feed { id name } } } }")
			.execute()
			.path("createCalendarFeed.__typename").entity(String.class).isEqualTo("CreatedCalendarFeed")
			.path("createCalendarFeed.feed.name").entity(String.class).isEqualTo("Phone")
			.path("createCalendarFeed.url").entity(String.class).get();
		String id = attendee.document("{ myCalendarFeeds { id name prefix revokedAt } }")
			.execute()
			.path("myCalendarFeeds[0].revokedAt").valueIsNull()
			.path("myCalendarFeeds[0].id").entity(String.class).get();
		this.anonymous.get().uri(url).exchange().expectStatus().isOk();

		attendee.document("mutation($id: ID!) { revokeCalendarFeed(input: {id: $id}) { __typename "
				+ "... on CalendarFeedResult { feed { revokedAt } } } }")
			.variable("id", id)
			.execute()
			.path("revokeCalendarFeed.__typename").entity(String.class).isEqualTo("CalendarFeedResult")
			.path("revokeCalendarFeed.feed.revokedAt").hasValue();
		this.anonymous.get().uri(url).exchange().expectStatus().isNotFound();
		attendee.document("mutation { revokeCalendarFeed(input: {id: \"" + UUID.randomUUID() + "\"}) { __typename } }")
			.execute()
			.path("revokeCalendarFeed.__typename").entity(String.class).isEqualTo("NotFound");
		attendee.document("mutation { createCalendarFeed(input: {name: \"" + "x".repeat(101) + "\"}) { __typename } }")
			.execute()
			.path("createCalendarFeed.__typename").entity(String.class).isEqualTo("ValidationFailed");
		assertThat(url).contains("/api/v1/calendar-feeds/cal_");
	}

}
