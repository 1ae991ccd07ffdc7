package org.convene.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.support.CoreIntegrationTest;
import org.convene.core.support.Drafts;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.EventStatus;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.Visibility;
import org.convene.grpc.ApiError;
import org.convene.grpc.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.OUTBOX;

class EventLifecycleTests extends CoreIntegrationTest {

	private static final Instant START = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private Event create(EventDraft.Builder draft) {
		return this.events.createEvent(CreateEventRequest.newBuilder().setEvent(draft).build());
	}

	private List<String> outboxTypes(String eventId) {
		return this.db.select(OUTBOX.EVENT_TYPE)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(eventId)))
			.orderBy(OUTBOX.ID)
			.fetch(OUTBOX.EVENT_TYPE);
	}

	@Test
	void createsADraftWithEveryFieldAndRecordsEventCreated() {
		UUID organizer = newUser("Ada");

		Event event = create(Drafts.event("  JavaConf  ", START, START.plus(8, ChronoUnit.HOURS))
			.setCapacity(250)
			.addTags("Java")
			.addTags("java")
			.addTags("Conference")
			.setOrganizerId(organizer.toString())
			.setVisibility(Visibility.UNLISTED));

		Event stored = this.events.getEvent(GetEventRequest.newBuilder().setId(event.getId()).build());
		assertThat(stored).isEqualTo(event);
		assertThat(stored.getTitle()).isEqualTo("JavaConf");
		assertThat(stored.getStatus()).isEqualTo(EventStatus.DRAFT);
		assertThat(stored.getKind()).isEqualTo(EventKind.STANDALONE);
		assertThat(stored.getTagsList()).containsExactly("java", "conference");
		assertThat(stored.getCapacity()).isEqualTo(250);
		assertThat(stored.getVenue()).isEqualTo(Drafts.venue());
		assertThat(stored.getVersion()).isEqualTo(1);
		assertThat(stored.getOrganizerId()).isEqualTo(organizer.toString());
		assertThat(outboxTypes(event.getId())).containsExactly("event.created");
	}

	@Test
	void writesTheCorrelationIdOfTheCallIntoTheOutbox() {
		Event event = eventsWithCorrelationId("trace-me-42").createEvent(CreateEventRequest.newBuilder()
			.setEvent(Drafts.event("Traced", START, START.plus(1, ChronoUnit.HOURS)))
			.build());

		String correlationId = this.db.select(OUTBOX.CORRELATION_ID)
			.from(OUTBOX)
			.where(OUTBOX.AGGREGATE_ID.eq(UUID.fromString(event.getId())))
			.fetchSingle(OUTBOX.CORRELATION_ID);
		assertThat(correlationId).isEqualTo("trace-me-42");
	}

	@Test
	void publishesThenCancelsWithReasonAndRecordsEachStep() {
		Event draft = create(Drafts.event("Meetup", START, START.plus(2, ChronoUnit.HOURS)));

		Event published = this.events.publishEvent(PublishEventRequest.newBuilder().setId(draft.getId()).setExpectedVersion(1).build());
		Event cancelled = this.events.cancelEvent(CancelEventRequest.newBuilder().setId(draft.getId()).setReason("Speaker ill").build());

		assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);
		assertThat(published.hasPublishedAt()).isTrue();
		assertThat(cancelled.getStatus()).isEqualTo(EventStatus.CANCELLED);
		assertThat(cancelled.getCancellationReason()).isEqualTo("Speaker ill");
		assertThat(cancelled.getVersion()).isEqualTo(3);
		assertThat(outboxTypes(draft.getId())).containsExactly("event.created", "event.published", "event.cancelled");
	}

	@Test
	void updatesOnlyTheFieldsTheMaskNamesAndClearsNamedFieldsLeftUnset() {
		Event event = create(Drafts.event("Workshop", START, START.plus(3, ChronoUnit.HOURS)).setCapacity(20));

		Event updated = this.events.updateEvent(UpdateEventRequest.newBuilder()
			.setId(event.getId())
			.setEvent(EventDraft.newBuilder().setTitle("Hands-on Workshop"))
			.setUpdateMask(FieldMask.newBuilder().addPaths("title").addPaths("capacity"))
			.setExpectedVersion(event.getVersion())
			.build());

		assertThat(updated.getTitle()).isEqualTo("Hands-on Workshop");
		assertThat(updated.hasCapacity()).isFalse();
		assertThat(updated.getDescription()).isEqualTo(event.getDescription());
		assertThat(updated.getVersion()).isEqualTo(2);
		assertThat(outboxTypes(event.getId())).containsExactly("event.created", "event.updated");
	}

	@Nested
	class Refusals {

		@Test
		void refusesAStaleVersionWithAbortedAndChangesNothing() {
			Event event = create(Drafts.event("Versioned", START, START.plus(1, ChronoUnit.HOURS)));
			events.updateEvent(update(event.getId(), "First", 1));

			StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
					() -> events.updateEvent(update(event.getId(), "Second", 1)));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
			assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
			assertThat(db.fetchValue(EVENT.TITLE, EVENT.ID.eq(UUID.fromString(event.getId())))).isEqualTo("First");
		}

		@Test
		void reportsEveryInvalidFieldAtOnceAndStoresNothing() {
			int before = db.fetchCount(EVENT);

			StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
					() -> create(EventDraft.newBuilder()
						.setTitle(" ")
						.setStartsAt(org.convene.grpc.ProtoTime.of(START))
						.setEndsAt(org.convene.grpc.ProtoTime.of(START.minusSeconds(60)))
						.setTimeZone("Mars/Olympus")
						.setCapacity(0)
						.addTags("#bad")
						.setVenue(Drafts.venue().toBuilder().setAddress(Drafts.venue().getAddress().toBuilder().setCountry("XX")))));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(failure).violations()).extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("title", "endsAt", "timeZone", "capacity", "tags[0]", "venue.address.country");
			assertThat(db.fetchCount(EVENT)).isEqualTo(before);
		}

		@Test
		void refusesToPublishWithoutAVenue() {
			Event event = create(Drafts.event("Nowhere", START, START.plus(1, ChronoUnit.HOURS)).clearVenue());

			StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
					() -> events.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build()));

			ApiError error = ApiError.fromThrowable(failure);
			assertThat(error.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
			assertThat(error.target()).isEqualTo("venue");
		}

		@Test
		void refusesToChangeACancelledEvent() {
			Event event = create(Drafts.event("Gone", START, START.plus(1, ChronoUnit.HOURS)));
			events.cancelEvent(CancelEventRequest.newBuilder().setId(event.getId()).setReason("Venue flooded").build());

			assertThatThrownBy(() -> events.updateEvent(update(event.getId(), "Back", 0)))
				.satisfies(e -> assertThat(ApiError.fromThrowable(e).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
			assertThatThrownBy(() -> events.publishEvent(PublishEventRequest.newBuilder().setId(event.getId()).build()))
				.satisfies(e -> assertThat(ApiError.fromThrowable(e).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
		}

		@Test
		void answersNotFoundForAnUnknownEventAndInvalidArgumentForAMalformedId() {
			StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
					() -> events.getEvent(GetEventRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
			StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class,
					() -> events.getEvent(GetEventRequest.newBuilder().setId("not-a-uuid").build()));

			assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(ApiError.fromThrowable(malformed).target()).isEqualTo("id");
		}

		@Test
		void refusesAnUnknownOrganizer() {
			StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
					() -> create(Drafts.event("Orphan", START, START.plus(1, ChronoUnit.HOURS))
						.setOrganizerId(UUID.randomUUID().toString())));

			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("organizerId");
		}

		@Test
		void refusesUnknownFieldsInTheUpdateMask() {
			Event event = create(Drafts.event("Masked", START, START.plus(1, ChronoUnit.HOURS)));

			StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
					() -> events.updateEvent(UpdateEventRequest.newBuilder()
						.setId(event.getId())
						.setUpdateMask(FieldMask.newBuilder().addPaths("status"))
						.build()));

			assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("updateMask");
		}

		private UpdateEventRequest update(String id, String title, long expectedVersion) {
			return UpdateEventRequest.newBuilder()
				.setId(id)
				.setEvent(EventDraft.newBuilder().setTitle(title))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
				.setExpectedVersion(expectedVersion)
				.build();
		}

	}

}
