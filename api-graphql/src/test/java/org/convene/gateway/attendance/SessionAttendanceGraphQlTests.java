package org.convene.gateway.attendance;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Session attendance and feedback through GraphQL, over real HTTP against the real core. */
class SessionAttendanceGraphQlTests extends GatewayIntegrationTest {

	private static final String SCAN = """
			mutation($input: CheckInToSessionInput!, $key: String) {
			  checkInToSession(input: $input, idempotencyKey: $key) {
			    __typename
			    ... on SessionCheckInResult { outcome attendeeName checkIn { deviceId } }
			    ... on ValidationFailed { fieldErrors { field } } } }""";

	private static final String RATE = """
			mutation($input: SubmitSessionFeedbackInput!, $key: String) {
			  submitSessionFeedback(input: $input, idempotencyKey: $key) {
			    __typename
			    ... on SessionFeedbackResult { feedback { rating comment version } }
			    ... on ValidationFailed { fieldErrors { field } }
			    ... on InvalidStateTransition { message } } }""";

	private static final String DAY = """
			query($id: ID!) { event(id: $id) { sessions {
			  title
			  attendance { checkedIn bookmarked capacity }
			  feedbackSummary { count average distribution }
			  myFeedback { rating } } } }""";

	private SessionDay day;

	@BeforeEach
	void day() {
		this.day = new SessionDay(this.http, this.anonymous, this.baseUrl);
	}

	private HttpGraphQlTester as(SessionDay.Attendee attendee) {
		return HttpGraphQlTester.create(attendee.http().mutate().baseUrl(this.baseUrl + "/graphql").build());
	}

	@Test
	void scansAtTheDoorAndAnswersRetriesWithTheFirstAnswer() {
		String keynote = this.day.session("Keynote", 0, 60);
		String code = this.day.guestCode("Ada Lovelace");
		String key = UUID.randomUUID().toString();
		Map<String, Object> input = Map.of("sessionId", keynote, "code", code, "deviceId", "door-1");

		this.graphQl.document(SCAN).variable("input", input).variable("key", key).execute()
			.path("checkInToSession.outcome").entity(String.class).isEqualTo("ADMITTED")
			.path("checkInToSession.attendeeName").entity(String.class).isEqualTo("Ada Lovelace");
		this.graphQl.document(SCAN).variable("input", input).variable("key", key).execute()
			.path("checkInToSession.outcome").entity(String.class).isEqualTo("ADMITTED");
		this.graphQl.document(SCAN).variable("input", Map.of("sessionId", keynote, "code", code, "deviceId", "door-2"))
			.execute()
			.path("checkInToSession.outcome").entity(String.class).isEqualTo("ALREADY_ADMITTED")
			.path("checkInToSession.checkIn.deviceId").entity(String.class).isEqualTo("door-1");
		this.graphQl.document(SCAN).variable("input", Map.of("sessionId", keynote, "code", code, "deviceId", " ")).execute()
			.path("checkInToSession.__typename").entity(String.class).isEqualTo("ValidationFailed")
			.path("checkInToSession.fieldErrors[0].field").entity(String.class).isEqualTo("deviceId");
		this.graphQl.document("""
				query($id: ID!) { sessionAttendees(sessionId: $id, first: 5) { totalCount nodes { attendeeName } } }""")
			.variable("id", keynote).execute()
			.path("sessionAttendees.totalCount").entity(Integer.class).isEqualTo(1)
			.path("sessionAttendees.nodes[0].attendeeName").entity(String.class).isEqualTo("Ada Lovelace");
	}

	@Test
	void ratesAndReadsAWholeDayInOneCallPerField() throws Exception {
		String keynote = this.day.session("Keynote", 0, 60);
		String workshop = this.day.session("Workshop", 60, 120);
		this.day.session("Closing", 120, 180);
		SessionDay.Attendee ada = this.day.attendee("Ada Lovelace");
		this.day.scan(keynote, ada.code());
		this.day.scan(workshop, ada.code());

		as(ada).document(RATE).variable("input", Map.of("sessionId", keynote, "rating", 5, "comment", "Inspiring"))
			.variable("key", UUID.randomUUID().toString()).execute()
			.path("submitSessionFeedback.feedback.rating").entity(Integer.class).isEqualTo(5)
			.path("submitSessionFeedback.feedback.version").entity(Long.class).isEqualTo(1L);
		as(ada).document(RATE).variable("input", Map.of("sessionId", workshop, "rating", 0)).execute()
			.path("submitSessionFeedback.__typename").entity(String.class).isEqualTo("ValidationFailed")
			.path("submitSessionFeedback.fieldErrors[0].field").entity(String.class).isEqualTo("rating");
		as(ada).document(RATE).variable("input", Map.of("sessionId", workshop, "rating", 2)).execute()
			.path("submitSessionFeedback.feedback.rating").entity(Integer.class).isEqualTo(2);
		this.calls.reset();

		as(ada).document(DAY).variable("id", this.day.event).execute()
			.path("event.sessions[0].myFeedback.rating").entity(Integer.class).isEqualTo(5)
			.path("event.sessions[1].myFeedback.rating").entity(Integer.class).isEqualTo(2)
			.path("event.sessions[2].myFeedback").valueIsNull()
			.path("event.sessions[0].attendance").valueIsNull()
			.path("event.sessions[0].feedbackSummary").valueIsNull();
		this.graphQl.document(DAY).variable("id", this.day.event).execute()
			.path("event.sessions[0].attendance.checkedIn").entity(Integer.class).isEqualTo(1)
			.path("event.sessions[0].attendance.capacity").entity(Integer.class).isEqualTo(40)
			.path("event.sessions[0].feedbackSummary.count").entity(Integer.class).isEqualTo(1)
			.path("event.sessions[0].feedbackSummary.average").entity(Double.class).isEqualTo(5.0)
			.path("event.sessions[0].feedbackSummary.distribution").entityList(Integer.class).containsExactly(0, 0, 0, 0, 1)
			.path("event.sessions[2].feedbackSummary.average").valueIsNull()
			.path("event.sessions[0].myFeedback").valueIsNull();
		this.anonymous.post().uri("/graphql").bodyValue(Map.of("query", DAY, "variables", Map.of("id", this.day.event)))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.errors").doesNotExist()
			.jsonPath("$.data.event.sessions[0].myFeedback").isEmpty()
			.jsonPath("$.data.event.sessions[0].attendance").isEmpty();

		// three queries of three sessions: one call per query and field, not per session
		assertThat(this.calls.byMethod()).containsAllEntriesOf(Map.of(
				"convene.session.v1.SessionService/BatchListSessions", 3,
				"convene.session.v1.SessionAttendanceService/BatchGetSessionAttendance", 3,
				"convene.session.v1.SessionFeedbackService/BatchGetSessionFeedbackSummaries", 3,
				"convene.session.v1.SessionFeedbackService/ListMySessionFeedback", 3));
		this.graphQl.document("""
				query($id: ID!) { sessionFeedbackComments(sessionId: $id, first: 5) { nodes { comment authorName rating } } }""")
			.variable("id", keynote).execute()
			.path("sessionFeedbackComments.nodes[0].comment").entity(String.class).isEqualTo("Inspiring")
			.path("sessionFeedbackComments.nodes[0].authorName").entity(String.class).isEqualTo("Ada Lovelace");
	}

	@Test
	void aSessionNotStartedYetAnswersInvalidStateTransition() throws Exception {
		String later = this.day.session("Later", 240, 300);
		SessionDay.Attendee ada = this.day.attendee("Ada Lovelace");
		this.day.scan(later, ada.code());

		as(ada).document(RATE).variable("input", Map.of("sessionId", later, "rating", 4)).execute()
			.path("submitSessionFeedback.__typename").entity(String.class).isEqualTo("InvalidStateTransition");
	}

}
