package org.convene.gateway.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.BatchGetEventsRequest;
import org.convene.core.v1.proto.BatchGetUsersRequest;
import org.convene.core.v1.proto.EventServiceGrpc.EventServiceBlockingStub;
import org.convene.core.v1.proto.UserServiceGrpc.UserServiceBlockingStub;
import org.convene.gateway.event.EventView;
import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.gateway.user.UserView;
import org.convene.grpc.ApiError;
import org.convene.registration.v1.proto.BatchGetTicketTypesRequest;
import org.convene.registration.v1.proto.BatchItemResult;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.ConfirmRegistrationRequest;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.ListRegistrationsResponse;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationOrder;
import org.convene.registration.v1.proto.RegistrationServiceGrpc.RegistrationServiceBlockingStub;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc.TicketTypeServiceBlockingStub;

/**
 * The {@code Registration} type, its queries and mutations. A list's events, ticket types and
 * users are fetched with one batch call per field.
 */
@Controller
@SchemaMapping(typeName = "Registration")
class RegistrationGraphQlController {

	private final RegistrationServiceBlockingStub registrations;

	private final TicketTypeServiceBlockingStub ticketTypes;

	private final EventServiceBlockingStub events;

	private final UserServiceBlockingStub users;

	RegistrationGraphQlController(RegistrationServiceBlockingStub registrations, TicketTypeServiceBlockingStub ticketTypes,
			EventServiceBlockingStub events, UserServiceBlockingStub users) {
		this.registrations = registrations;
		this.ticketTypes = ticketTypes;
		this.events = events;
		this.users = users;
	}

	@QueryMapping
	RegistrationView registration(@Argument String id) {
		return RegistrationView.of(this.registrations.getRegistration(GetRegistrationRequest.newBuilder().setId(id).build()));
	}

	@QueryMapping
	RegistrationConnection registrations(@Argument String eventId, @Argument List<String> statuses,
			@Argument String ticketTypeId, @Argument String query, @Argument String orderBy, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		ListRegistrationsResponse response = this.registrations.listRegistrations(ListRegistrationsRequest.newBuilder()
			.setEventId(eventId == null ? "" : eventId)
			.addAllStatuses(RegistrationInputs.statuses(statuses))
			.setTicketTypeId(ticketTypeId == null ? "" : ticketTypeId)
			.setQuery(query == null ? "" : query)
			.setOrder(orderBy == null ? RegistrationOrder.CREATED_DESC : RegistrationOrder.valueOf(orderBy))
			.setPage(Connection.request(first, after, last, before, selection.contains("totalCount")))
			.build());
		long total = response.getPageInfo().getTotalSize();
		return new RegistrationConnection(response.getRegistrationsList().stream().map(RegistrationView::of).toList(),
				Connection.PageInfoView.of(response.getPageInfo()), total < 0 ? null : total);
	}

	@MutationMapping
	Object register(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> result(this.registrations.createRegistration(RegistrationInputs.createRegistration(protoJson(input)))));
	}

	@MutationMapping
	RegisterBatchPayload registerBatch(@Argument Map<String, Object> input) {
		Map<String, Object> batch = new LinkedHashMap<>(input);
		Object items = batch.get("items");
		if (items instanceof List<?> list) {
			batch.put("items", list.stream().map(item -> protoJson(asMap(item))).toList());
		}
		return new RegisterBatchPayload(this.registrations.batchCreateRegistrations(RegistrationInputs.batch(batch))
			.getResultsList()
			.stream()
			.map(RegistrationGraphQlController::item)
			.toList());
	}

	@MutationMapping
	Object updateRegistration(@Argument Map<String, Object> input) {
		Map<String, Object> fields = protoJson(input);
		String id = (String) fields.remove("id");
		Object version = fields.remove("expectedVersion");
		return UserErrors.orUserError(() -> result(this.registrations.updateRegistration(RegistrationInputs.updateRegistration(id,
				fields, version == null ? 0 : ((Number) version).longValue()))));
	}

	@MutationMapping
	Object cancelRegistration(@Argument Map<String, Object> input) {
		Object version = input.get("expectedVersion");
		return UserErrors.orUserError(() -> result(this.registrations.cancelRegistration(CancelRegistrationRequest.newBuilder()
			.setId((String) input.get("id"))
			.setReason((String) input.get("reason"))
			.setExpectedVersion(version == null ? 0 : ((Number) version).longValue())
			.build())));
	}

	@MutationMapping
	Object confirmRegistration(@Argument Map<String, Object> input) {
		Object reference = input.get("paymentReference");
		return UserErrors.orUserError(() -> result(this.registrations.confirmRegistration(ConfirmRegistrationRequest.newBuilder()
			.setId((String) input.get("id"))
			.setPaymentReference(reference == null ? "" : (String) reference)
			.build())));
	}

	@SchemaMapping
	List<Answer> answers(RegistrationView registration) {
		return registration.answers().entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
	}

	@SchemaMapping
	TicketView ticket(RegistrationView registration) {
		return registration.ticketCode() == null ? null : new TicketView(registration.ticketCode(), registration.ticketPdfUrl());
	}

	@BatchMapping
	Map<RegistrationView, EventView> event(List<RegistrationView> registrations) {
		Map<String, EventView> found = this.events
			.batchGetEvents(BatchGetEventsRequest.newBuilder().addAllIds(Batches.keys(registrations, RegistrationView::eventId)).build())
			.getEventsList()
			.stream()
			.collect(Collectors.toMap(e -> e.getId(), EventView::of));
		return Batches.byKey(registrations, RegistrationView::eventId, found);
	}

	@BatchMapping
	Map<RegistrationView, TicketTypeView> ticketType(List<RegistrationView> registrations) {
		Map<String, TicketTypeView> found = this.ticketTypes
			.batchGetTicketTypes(BatchGetTicketTypesRequest.newBuilder()
				.addAllIds(Batches.keys(registrations, RegistrationView::ticketTypeId))
				.build())
			.getTicketTypesList()
			.stream()
			.collect(Collectors.toMap(t -> t.getId(), TicketTypeView::of));
		return Batches.byKey(registrations, RegistrationView::ticketTypeId, found);
	}

	@BatchMapping
	Map<RegistrationView, UserView> user(List<RegistrationView> registrations) {
		List<String> ids = Batches.keys(registrations, RegistrationView::userId);
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, UserView> found = this.users.batchGetUsers(BatchGetUsersRequest.newBuilder().addAllIds(ids).build())
			.getUsersList()
			.stream()
			.collect(Collectors.toMap(u -> u.getId(), UserView::of));
		return Batches.byKey(registrations, RegistrationView::userId, found);
	}

	/** GraphQL's answers list [{key, value}] becomes the proto JSON map {key: value}. */
	private static Map<String, Object> protoJson(Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		if (fields.get("answers") instanceof List<?> answers) {
			Map<String, Object> byKey = new LinkedHashMap<>();
			answers.forEach(answer -> byKey.put(String.valueOf(asMap(answer).get("key")), asMap(answer).get("value")));
			fields.put("answers", byKey);
		}
		return fields;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static RegisterBatchItem item(BatchItemResult result) {
		if (result.hasRegistration()) {
			return new RegisterBatchItem(result.getIndex(), RegistrationView.of(result.getRegistration()), null);
		}
		return new RegisterBatchItem(result.getIndex(), null, UserErrors.itemError(ApiError.fromStatusProto(result.getError())));
	}

	private static RegistrationResult result(Registration registration) {
		return new RegistrationResult(RegistrationView.of(registration));
	}

	/** The registration a mutation produced. */
	record RegistrationResult(RegistrationView registration) {
	}

	/** A page of registrations. */
	record RegistrationConnection(List<RegistrationView> nodes, Connection.PageInfoView pageInfo, Long totalCount) {
	}

	record RegisterBatchPayload(List<RegisterBatchItem> results) {
	}

	/** One item of a batch: its registration, or why it failed (a UserError type). */
	record RegisterBatchItem(int index, RegistrationView registration, Object error) {
	}

	record Answer(String key, String value) {
	}

	/** A confirmed attendee's ticket. */
	record TicketView(String code, String pdfUrl) {
	}

}
