package org.convene.gateway.checkin;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.paging.Connection;
import org.convene.gateway.registration.RegistrationView;
import org.convene.ticket.v1.proto.CheckInServiceGrpc.CheckInServiceBlockingStub;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListCheckInsResponse;
import org.convene.ticket.v1.proto.ListTicketKeysRequest;
import org.convene.ticket.v1.proto.TicketServiceGrpc.TicketServiceBlockingStub;
import org.convene.ticket.v1.proto.UndoCheckInRequest;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

/** Ticket validation, check-in lists and the check-in mutations. */
@Controller
class CheckInGraphQlController {

	private final CheckInServiceBlockingStub checkIns;

	private final TicketServiceBlockingStub tickets;

	CheckInGraphQlController(CheckInServiceBlockingStub checkIns, TicketServiceBlockingStub tickets) {
		this.checkIns = checkIns;
		this.tickets = tickets;
	}

	@QueryMapping
	CheckInViews.ValidationView ticketValidation(@Argument String code, @Argument String eventId) {
		return CheckInViews.ValidationView.of(this.tickets.validateTicket(ValidateTicketRequest.newBuilder()
			.setCode(code)
			.setEventId(eventId)
			.build()));
	}

	@QueryMapping
	CheckInConnection checkIns(@Argument String eventId, @Argument String ticketTypeId, @Argument Boolean checkedIn,
			@Argument String query, @Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before) {
		ListCheckInsRequest.Builder request = ListCheckInsRequest.newBuilder()
			.setEventId(eventId)
			.setTicketTypeId(ticketTypeId == null ? "" : ticketTypeId)
			.setQuery(query == null ? "" : query)
			.setPage(Connection.request(first, after, last, before, false));
		if (checkedIn != null) {
			request.setCheckedIn(checkedIn);
		}
		ListCheckInsResponse response = this.checkIns.listCheckIns(request.build());
		return new CheckInConnection(response.getEntriesList().stream().map(CheckInViews.CheckInListEntryView::of).toList(),
				Connection.PageInfoView.of(response.getPageInfo()), response.getCheckedInCount(), response.getTotalCount());
	}

	@QueryMapping
	String ticketKeys() {
		return this.tickets.listTicketKeys(ListTicketKeysRequest.getDefaultInstance()).getJwksJson();
	}

	@MutationMapping
	CheckInViews.CheckInResultView checkIn(@Argument Map<String, Object> input) {
		return CheckInViews.CheckInResultView.of(this.checkIns.checkIn(CheckInInputs.checkIn((String) input.get("eventId"),
				withoutEventId(input))));
	}

	@MutationMapping
	Results<CheckInViews.CheckInResultView> bulkCheckIn(@Argument Map<String, Object> input) {
		return new Results<>(this.checkIns.bulkCheckIn(CheckInInputs.bulk((String) input.get("eventId"), withoutEventId(input)))
			.getResultsList()
			.stream()
			.map(CheckInViews.CheckInResultView::of)
			.toList());
	}

	@MutationMapping
	Results<CheckInViews.OfflineScanResultView> uploadOfflineScans(@Argument Map<String, Object> input) {
		return new Results<>(this.checkIns.uploadOfflineScans(CheckInInputs.offline((String) input.get("eventId"),
				withoutEventId(input)))
			.getResultsList()
			.stream()
			.map(CheckInViews.OfflineScanResultView::of)
			.toList());
	}

	@MutationMapping
	Object undoCheckIn(@Argument Map<String, Object> input) {
		Object reason = input.get("reason");
		return UserErrors.orUserError(() -> new RegistrationResult(RegistrationView.of(this.checkIns.undoCheckIn(
				UndoCheckInRequest.newBuilder()
					.setRegistrationId((String) input.get("registrationId"))
					.setReason(reason == null ? "" : (String) reason)
					.build()))));
	}

	private static Map<String, Object> withoutEventId(Map<String, Object> input) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>(input);
		fields.remove("eventId");
		return fields;
	}

	/** A page of a check-in list. */
	record CheckInConnection(List<CheckInViews.CheckInListEntryView> nodes, Connection.PageInfoView pageInfo,
			long checkedInCount, long totalCount) {
	}

	record Results<T>(List<T> results) {
	}

	/** The registration a mutation changed (GraphQL type RegistrationResult). */
	record RegistrationResult(RegistrationView registration) {
	}

}
