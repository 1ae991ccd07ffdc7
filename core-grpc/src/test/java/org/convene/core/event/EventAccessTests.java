package org.convene.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.core.auth.Scopes;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventFilter;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.Visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Who sees and changes which events, whatever door the call came through. */
class EventAccessTests extends CoreIntegrationTest {

	private static final Instant START = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private Event create(EventServiceBlockingStub as, String title, Visibility visibility, boolean publish) {
		Event event = as.createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event(title, START, START.plusSeconds(3600)).setVisibility(visibility).addTags(title))
			.build());
		return publish ? as.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build()) : event;
	}

	private static Status.Code codeOf(Runnable call) {
		return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
	}

	private static GetEventRequest get(Event event) {
		return GetEventRequest.newBuilder().setId(event.getId()).build();
	}

	private static ListEventsRequest byTag(String tag) {
		return ListEventsRequest.newBuilder().setFilter(EventFilter.newBuilder().addTags(tag.toLowerCase())).build();
	}

	@Nested
	class Reading {

		@Test
		void anonymousCallersSeePublishedPublicEventsOnly() {
			UUID organizer = newUser("Olga", "ORGANIZER");
			String tag = "pub-" + UUID.randomUUID().toString().substring(0, 6);
			EventServiceBlockingStub olga = eventsAs(organizer, "ORGANIZER");
			Event published = create(olga, tag, Visibility.PUBLIC, true);
			Event draft = create(olga, tag, Visibility.PUBLIC, false);

			var listed = anonymousEvents.listEvents(byTag(tag)).getEdgesList();

			assertThat(listed).extracting(edge -> edge.getEvent().getId()).containsExactly(published.getId());
			assertThat(anonymousEvents.getEvent(get(published)).getId()).isEqualTo(published.getId());
			assertThat(codeOf(() -> anonymousEvents.getEvent(get(draft)))).isEqualTo(Status.Code.NOT_FOUND);
		}

		@Test
		void unlistedEventsAreReachableByIdButNeverListed() {
			UUID organizer = newUser("Olga", "ORGANIZER");
			String tag = "unl-" + UUID.randomUUID().toString().substring(0, 6);
			Event unlisted = create(eventsAs(organizer, "ORGANIZER"), tag, Visibility.UNLISTED, true);

			assertThat(anonymousEvents.getEvent(get(unlisted)).getTitle()).isEqualTo(tag);
			assertThat(anonymousEvents.listEvents(byTag(tag)).getEdgesList()).isEmpty();
		}

		@Test
		void privateEventsAndDraftsAreSeenByTheirOrganizerAndAdministratorsOnly() {
			UUID owner = newUser("Olga", "ORGANIZER");
			UUID other = newUser("Otto", "ORGANIZER");
			String tag = "prv-" + UUID.randomUUID().toString().substring(0, 6);
			Event hidden = create(eventsAs(owner, "ORGANIZER"), tag, Visibility.PRIVATE, true);

			assertThat(eventsAs(owner, "ORGANIZER").listEvents(byTag(tag)).getEdgesCount()).isEqualTo(1);
			assertThat(events.listEvents(byTag(tag)).getEdgesCount()).isEqualTo(1);
			assertThat(eventsAs(other, "ORGANIZER").listEvents(byTag(tag)).getEdgesCount()).isZero();
			assertThat(codeOf(() -> eventsAs(other, "ORGANIZER").getEvent(get(hidden)))).isEqualTo(Status.Code.NOT_FOUND);
		}

		@Test
		void credentialsWithoutTheReadScopeAreRefused() {
			UUID attendee = newUser("Ada");
			var noScope = bearer(anonymousEvents, tokens.user(attendee, Set.of("ATTENDEE"), Scopes.USERS_READ));
			var partner = bearer(anonymousEvents, tokens.client("partner-x", null, Set.of(), Scopes.USERS_READ));

			assertThat(codeOf(() -> noScope.listEvents(ListEventsRequest.getDefaultInstance()))).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(codeOf(() -> partner.listEvents(ListEventsRequest.getDefaultInstance()))).isEqualTo(Status.Code.PERMISSION_DENIED);
		}

		@Test
		void aPartnerClientWithTheReadScopeSeesWhatThePublicSees() {
			UUID organizer = newUser("Olga", "ORGANIZER");
			String tag = "prt-" + UUID.randomUUID().toString().substring(0, 6);
			EventServiceBlockingStub olga = eventsAs(organizer, "ORGANIZER");
			Event published = create(olga, tag, Visibility.PUBLIC, true);
			create(olga, tag, Visibility.PUBLIC, false);
			var partner = bearer(anonymousEvents, tokens.client("partner-y", null, Set.of(), Scopes.EVENTS_READ));

			assertThat(partner.listEvents(byTag(tag)).getEdgesList()).extracting(edge -> edge.getEvent().getId())
				.containsExactly(published.getId());
		}

	}

	@Nested
	class Writing {

		@Test
		void organizersCreateEventsThatTheyOrganize() {
			UUID organizer = newUser("Olga", "ORGANIZER");

			Event event = create(eventsAs(organizer, "ORGANIZER"), "Mine", Visibility.PUBLIC, false);

			assertThat(event.getOrganizerId()).isEqualTo(organizer.toString());
		}

		@Test
		void attendeesAndAnonymousCallersCannotCreateEvents() {
			UUID attendee = newUser("Ada");

			assertThat(codeOf(() -> create(eventsAs(attendee, "ATTENDEE"), "Nope", Visibility.PUBLIC, false)))
				.isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(codeOf(() -> create(anonymousEvents, "Nope", Visibility.PUBLIC, false)))
				.isEqualTo(Status.Code.UNAUTHENTICATED);
		}

		@Test
		void anOrganizerChangesOnlyTheirOwnEvents() {
			UUID owner = newUser("Olga", "ORGANIZER");
			UUID other = newUser("Otto", "ORGANIZER");
			Event published = create(eventsAs(owner, "ORGANIZER"), "Olga first", Visibility.PUBLIC, true);
			Event draft = create(eventsAs(owner, "ORGANIZER"), "Olga draft", Visibility.PUBLIC, false);

			assertThat(codeOf(() -> eventsAs(other, "ORGANIZER").publishEvent(PublishEventRequest.newBuilder().setId(published.getId()).build())))
				.isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(codeOf(() -> eventsAs(other, "ORGANIZER").publishEvent(PublishEventRequest.newBuilder().setId(draft.getId()).build())))
				.isEqualTo(Status.Code.NOT_FOUND);
			assertThat(eventsAs(owner, "ORGANIZER").publishEvent(PublishEventRequest.newBuilder().setId(draft.getId()).build())
				.getStatus().name()).isEqualTo("PUBLISHED");
		}

		@Test
		void onlyAdministratorsNameSomeoneElseAsOrganizer() {
			UUID organizer = newUser("Olga", "ORGANIZER");
			UUID other = newUser("Otto", "ORGANIZER");
			CreateEventRequest forOtto = CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("For Otto", START, START.plusSeconds(60)).setOrganizerId(other.toString()))
				.build();

			assertThat(codeOf(() -> eventsAs(organizer, "ORGANIZER").createEvent(forOtto))).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(events.createEvent(forOtto).getOrganizerId()).isEqualTo(other.toString());
		}

		@Test
		void aClientActingForItsOwnerHasTheOwnersRights() {
			UUID owner = newUser("Olga", "ORGANIZER");
			var client = bearer(anonymousEvents, tokens.client("olgas-tool", owner, Set.of("ORGANIZER"), Scopes.EVENTS_READ,
					Scopes.EVENTS_WRITE));

			Event event = create(client, "Through a client", Visibility.PUBLIC, false);

			assertThat(event.getOrganizerId()).isEqualTo(owner.toString());
		}

		@Test
		void writesNeedTheWriteScope() {
			UUID organizer = newUser("Olga", "ORGANIZER");
			var readOnly = bearer(anonymousEvents, tokens.user(organizer, Set.of("ORGANIZER"), Scopes.EVENTS_READ));

			assertThat(codeOf(() -> create(readOnly, "Read only", Visibility.PUBLIC, false))).isEqualTo(Status.Code.PERMISSION_DENIED);
		}

	}

}
