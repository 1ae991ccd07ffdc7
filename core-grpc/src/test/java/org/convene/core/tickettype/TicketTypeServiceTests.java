package org.convene.core.tickettype;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.Drafts;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.grpc.ApiError;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.BatchGetTicketTypesRequest;
import org.convene.registration.v1.proto.BatchGetTicketTypesResponse;
import org.convene.registration.v1.proto.BatchListTicketTypesRequest;
import org.convene.registration.v1.proto.BatchListTicketTypesResponse;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.GetTicketTypeRequest;
import org.convene.registration.v1.proto.ListTicketTypesRequest;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.Question;
import org.convene.registration.v1.proto.QuestionKind;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;
import org.convene.registration.v1.proto.TicketTypeVisibility;
import org.convene.registration.v1.proto.UpdateTicketTypeRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;

class TicketTypeServiceTests extends RegistrationIntegrationTest {

	private static final Question SIZE = Question.newBuilder()
		.setKey("tshirt_size")
		.setLabel("T-shirt size")
		.setKind(QuestionKind.CHOICE)
		.setRequired(true)
		.addOptions("S")
		.addOptions("M")
		.addOptions("L")
		.build();

	private TicketTypeServiceGrpc.TicketTypeServiceBlockingStub anonymous() {
		return TicketTypeServiceGrpc.newBlockingStub(this.channel);
	}

	private TicketType get(TicketTypeServiceGrpc.TicketTypeServiceBlockingStub stub, TicketType type) {
		return stub.getTicketType(GetTicketTypeRequest.newBuilder().setId(type.getId()).build());
	}

	private List<String> names(TicketTypeServiceGrpc.TicketTypeServiceBlockingStub stub, Event event) {
		return stub.listTicketTypes(ListTicketTypesRequest.newBuilder().setEventId(event.getId()).build())
			.getTicketTypesList()
			.stream()
			.map(TicketType::getName)
			.toList();
	}

	private static List<FieldViolation> violations(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure).violations();
	}

	@Test
	void createsATicketTypeWithEveryFieldAndRecordsIt() {
		Event event = publishedEvent(100);

		TicketType type = ticketType(event, paid(" Early bird ", 4900).setDescription("Until March")
			.setQuantity(20)
			.setSalesStart(ProtoTime.of(START.minus(20, ChronoUnit.DAYS)))
			.setSalesEnd(ProtoTime.of(START.minus(1, ChronoUnit.DAYS)))
			.setMaxPerOrder(4)
			.setMaxPerUser(2)
			.addQuestions(SIZE)
			.setPosition(3));

		assertThat(get(this.organizerTicketTypes, type)).isEqualTo(type);
		assertThat(type.getName()).isEqualTo("Early bird");
		assertThat(type.getPrice()).isEqualTo(Money.newBuilder().setAmount(4900).setCurrency("EUR").build());
		assertThat(type.getQuantity()).isEqualTo(20);
		assertThat(type.getTaken()).isZero();
		assertThat(type.getRemaining()).isEqualTo(20);
		assertThat(type.getMaxPerOrder()).isEqualTo(4);
		assertThat(type.getVisibility()).isEqualTo(TicketTypeVisibility.PUBLIC);
		assertThat(type.getQuestionsList()).containsExactly(SIZE);
		assertThat(type.getVersion()).isEqualTo(1);
		assertThat(outboxTypes(type.getId())).containsExactly("ticket_type.created");
	}

	@Test
	void defaultsToTenPerOrderNoPerUserLimitAndNoQuantityOfItsOwn() {
		TicketType type = ticketType(publishedEvent(100), free("Community"));

		assertThat(type.getMaxPerOrder()).isEqualTo(10);
		assertThat(type.getMaxPerUser()).isZero();
		assertThat(type.hasQuantity()).isFalse();
		assertThat(type.hasRemaining()).isFalse();
	}

	@Test
	void reportsEveryInvalidFieldByName() {
		Event event = publishedEvent(100);

		StatusRuntimeException failure = failureOf(() -> ticketType(event, TicketTypeDraft.newBuilder()
			.setPrice(Money.newBuilder().setAmount(100).setCurrency("EURO"))
			.setQuantity(-1)
			.setSalesStart(ProtoTime.of(START))
			.setSalesEnd(ProtoTime.of(START.minus(1, ChronoUnit.DAYS)))
			.setMaxPerOrder(101)
			.addQuestions(Question.newBuilder().setKey("Size!").setLabel("Size").setKind(QuestionKind.CHOICE))
			.addQuestions(Question.newBuilder().setKey("vegan").setLabel("Vegan?").setKind(QuestionKind.YES_NO).addOptions("x"))));

		assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(violations(failure)).extracting(FieldViolation::field)
			.containsExactlyInAnyOrder("name", "price.currency", "quantity", "salesEnd", "maxPerOrder", "questions[0].key",
					"questions[0].options", "questions[1].options");
	}

	@Test
	void changesOnlyTheMaskedFieldsAndRefusesAStaleVersion() {
		TicketType type = ticketType(publishedEvent(100), paid("Standard", 1000).setQuantity(10));

		TicketType changed = this.organizerTicketTypes.updateTicketType(UpdateTicketTypeRequest.newBuilder()
			.setId(type.getId())
			.setTicketType(TicketTypeDraft.newBuilder().setName("Ignored").setQuantity(15).addQuestions(SIZE))
			.setUpdateMask(FieldMask.newBuilder().addPaths("quantity").addPaths("questions"))
			.setExpectedVersion(1)
			.build());
		StatusRuntimeException stale = failureOf(() -> this.organizerTicketTypes.updateTicketType(UpdateTicketTypeRequest
			.newBuilder()
			.setId(type.getId())
			.setTicketType(TicketTypeDraft.newBuilder().setQuantity(5))
			.setUpdateMask(FieldMask.newBuilder().addPaths("quantity"))
			.setExpectedVersion(1)
			.build()));

		assertThat(changed.getName()).isEqualTo("Standard");
		assertThat(changed.getQuantity()).isEqualTo(15);
		assertThat(changed.getQuestionsList()).containsExactly(SIZE);
		assertThat(changed.getVersion()).isEqualTo(2);
		assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
		assertThat(ApiError.fromThrowable(stale).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
		assertThat(outboxTypes(type.getId())).containsExactly("ticket_type.created", "ticket_type.updated");
	}

	@Test
	void refusesAQuantityBelowTheSeatsTakenAsAnInvalidQuantity() {
		TicketType type = ticketType(publishedEvent(100), free("Standard").setQuantity(10));
		registerNewAttendee(type, false);
		registerNewAttendee(type, false);

		StatusRuntimeException failure = failureOf(() -> this.organizerTicketTypes.updateTicketType(UpdateTicketTypeRequest
			.newBuilder()
			.setId(type.getId())
			.setTicketType(TicketTypeDraft.newBuilder().setQuantity(1))
			.setUpdateMask(FieldMask.newBuilder().addPaths("quantity"))
			.build()));
		TicketType lowered = this.organizerTicketTypes.updateTicketType(UpdateTicketTypeRequest.newBuilder()
			.setId(type.getId())
			.setTicketType(TicketTypeDraft.newBuilder().setQuantity(2))
			.setUpdateMask(FieldMask.newBuilder().addPaths("quantity"))
			.build());

		assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("quantity");
		assertThat(lowered.getTaken()).isEqualTo(2);
		assertThat(lowered.getRemaining()).isZero();
	}

	@Test
	void refusesAnEventCapacityBelowTheSeatsTakenAsAnInvalidCapacity() {
		Event event = publishedEvent(10);
		TicketType type = ticketType(event, free("Standard"));
		registerNewAttendee(type, false);
		registerNewAttendee(type, false);

		StatusRuntimeException failure = failureOf(() -> this.organizerEvents.updateEvent(UpdateEventRequest.newBuilder()
			.setId(event.getId())
			.setEvent(EventDraft.newBuilder().setCapacity(1))
			.setUpdateMask(FieldMask.newBuilder().addPaths("capacity"))
			.build()));

		assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(ApiError.fromThrowable(failure).target()).isEqualTo("capacity");
	}

	@Test
	void cannotBeAddedToACancelledEvent() {
		Event event = publishedEvent(10);
		this.organizerEvents.cancelEvent(CancelEventRequest.newBuilder().setId(event.getId()).setReason("Rain").build());

		StatusRuntimeException failure = failureOf(() -> ticketType(event, free("Late")));

		assertThat(ApiError.fromThrowable(failure).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
	}

	@Nested
	class Visibility {

		@Test
		void showsPublicTicketTypesToAnonymousCallersAndHiddenOnesOnlyToTheOrganizer() {
			Event event = publishedEvent(100);
			ticketType(event, free("Standard").setPosition(1));
			TicketType speakers = ticketType(event, free("Speakers").setVisibility(TicketTypeVisibility.HIDDEN).setPosition(2));
			UUID attendee = newUser("Attendee");

			assertThat(names(anonymous(), event)).containsExactly("Standard");
			assertThat(names(ticketTypesAs(attendee), event)).containsExactly("Standard");
			assertThat(names(TicketTypeServiceTests.this.organizerTicketTypes, event)).containsExactly("Standard", "Speakers");
			assertThat(failureOf(() -> get(ticketTypesAs(attendee), speakers)).getStatus().getCode())
				.isEqualTo(Status.Code.NOT_FOUND);
			assertThat(get(TicketTypeServiceTests.this.organizerTicketTypes, speakers).getName()).isEqualTo("Speakers");
		}

		@Test
		void hidesTheTicketTypesOfADraftEventFromEveryoneButItsOrganizer() {
			Event draft = TicketTypeServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Draft", START, START.plus(1, ChronoUnit.HOURS)))
				.build());
			TicketType type = ticketType(draft, free("Standard"));

			assertThat(failureOf(() -> get(anonymous(), type)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(failureOf(() -> names(anonymous(), draft)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(get(TicketTypeServiceTests.this.organizerTicketTypes, type)).isEqualTo(type);
		}

		@Test
		void readsTheTicketTypesOfManyEventsInOneCallWithTheSameVisibility() {
			Event published = publishedEvent(100);
			TicketType standard = ticketType(published, free("Standard").setPosition(1));
			TicketType speakers = ticketType(published, free("Speakers").setVisibility(TicketTypeVisibility.HIDDEN).setPosition(2));
			Event draft = TicketTypeServiceTests.this.organizerEvents.createEvent(CreateEventRequest.newBuilder()
				.setEvent(Drafts.event("Draft", START, START.plus(1, ChronoUnit.HOURS)))
				.build());
			TicketType unseen = ticketType(draft, free("Unseen"));
			UUID attendee = newUser("Attendee");

			BatchListTicketTypesResponse lists = ticketTypesAs(attendee).batchListTicketTypes(BatchListTicketTypesRequest.newBuilder()
				.addEventIds(published.getId())
				.addEventIds(draft.getId())
				.build());
			BatchGetTicketTypesResponse found = ticketTypesAs(attendee).batchGetTicketTypes(BatchGetTicketTypesRequest.newBuilder()
				.addIds(standard.getId())
				.addIds(speakers.getId())
				.addIds(unseen.getId())
				.build());

			assertThat(lists.getListsList()).singleElement().satisfies(list -> {
				assertThat(list.getEventId()).isEqualTo(published.getId());
				assertThat(list.getTicketTypesList()).extracting(TicketType::getName).containsExactly("Standard");
			});
			assertThat(found.getTicketTypesList()).extracting(TicketType::getId).containsExactly(standard.getId());
			assertThat(TicketTypeServiceTests.this.organizerTicketTypes.batchGetTicketTypes(BatchGetTicketTypesRequest.newBuilder()
				.addIds(standard.getId()).addIds(speakers.getId()).addIds(unseen.getId()).build()).getTicketTypesCount()).isEqualTo(3);
		}

		@Test
		void letsOnlyTheOrganizerOrAnAdministratorManageTicketTypes() {
			Event event = publishedEvent(100);
			UUID otherOrganizer = newUser("Other", "ORGANIZER");
			CreateTicketTypeRequest request = CreateTicketTypeRequest.newBuilder()
				.setEventId(event.getId())
				.setTicketType(free("Standard"))
				.build();

			StatusRuntimeException other = failureOf(() -> ticketTypesAs(otherOrganizer, "ORGANIZER").createTicketType(request));
			StatusRuntimeException anonymousCall = failureOf(() -> anonymous().createTicketType(request));
			TicketType byAdmin = bearer(TicketTypeServiceGrpc.newBlockingStub(TicketTypeServiceTests.this.channel),
					TicketTypeServiceTests.this.tokens.user(TicketTypeServiceTests.this.adminId, Set.of("ADMIN"),
							Scopes.ALL.toArray(String[]::new)))
				.createTicketType(request);

			assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(anonymousCall.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
			assertThat(byAdmin.getEventId()).isEqualTo(event.getId());
		}

	}

}
