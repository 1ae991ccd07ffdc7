package org.convene.gateway.authz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.protobuf.FieldMask;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.BatchGetTicketTypesRequest;
import org.convene.registration.v1.proto.BatchListTicketTypesRequest;
import org.convene.registration.v1.proto.CancelRegistrationRequest;
import org.convene.registration.v1.proto.ConfirmRegistrationRequest;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.CreateTicketTypeRequest;
import org.convene.registration.v1.proto.ExportChunk;
import org.convene.registration.v1.proto.ExportRegistrationsRequest;
import org.convene.registration.v1.proto.GetRegistrationRequest;
import org.convene.registration.v1.proto.GetTicketTypeRequest;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.ListTicketTypesRequest;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;
import org.convene.registration.v1.proto.UpdateRegistrationRequest;
import org.convene.registration.v1.proto.UpdateTicketTypeRequest;
import org.convene.ticket.v1.proto.BulkCheckInRequest;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.GetTicketRequest;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListRevokedTicketsRequest;
import org.convene.ticket.v1.proto.ListTicketKeysRequest;
import org.convene.ticket.v1.proto.OfflineScan;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.ticket.v1.proto.UndoCheckInRequest;
import org.convene.ticket.v1.proto.UploadOfflineScansRequest;
import org.convene.ticket.v1.proto.ValidateTicketRequest;

/**
 * The matrix rows of ticket types, registrations, tickets and check-in. The event belongs to
 * the owner; "the attendee's registration" is the attendee's own, on that event.
 */
final class RegistrationRows {

	private static final String START = "2030-03-04T18:00:00+01:00";

	private final Doors doors;

	private final Callers callers;

	private final WebTestClient admin;

	private final WebTestClient anonymous;

	RegistrationRows(Doors doors, Callers callers, WebTestClient admin, WebTestClient anonymous) {
		this.doors = doors;
		this.callers = callers;
		this.admin = admin;
		this.anonymous = anonymous;
	}

	List<Operation> all() {
		List<Operation> ops = new ArrayList<>();
		ops.addAll(ticketTypes());
		ops.addAll(registrations());
		ops.addAll(tickets());
		ops.addAll(checkIns());
		return ops;
	}

	private List<Operation> ticketTypes() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("GET /api/v1/events/{eventId}/ticket-types", Expect.publicRead(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + event() + "/ticket-types", null)));
		ops.add(row("GET /api/v1/ticket-types/{id}", Expect.publicRead(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/ticket-types/" + freeType(event()), null)));
		ops.add(row("POST /api/v1/events/{eventId}/ticket-types", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/events/" + event() + "/ticket-types", ticketTypeJson(0))));
		ops.add(row("PATCH /api/v1/ticket-types/{id}", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.PATCH, "/api/v1/ticket-types/" + freeType(event()), Map.of("name", "Changed"))));
		ops.add(row("Query.ticketType", Expect.publicRead(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { ticketType(id: $id) { id } }", Map.of("id", freeType(event())), "ticketType")));
		ops.add(row("Mutation.createTicketType", Expect.owner(), (w, c) -> {
			Map<String, Object> input = new LinkedHashMap<>(ticketTypeJson(0));
			input.put("eventId", event());
			return doors.graphQl(c, "mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { __typename } }",
					Map.of("input", input), "createTicketType");
		}));
		ops.add(row("Mutation.updateTicketType", Expect.owner(), (w, c) -> doors.graphQl(c,
				"mutation($input: UpdateTicketTypeInput!) { updateTicketType(input: $input) { __typename } }",
				Map.of("input", Map.of("id", freeType(event()), "name", "Changed")), "updateTicketType")));
		ops.add(row("convene.registration.v1.TicketTypeService/CreateTicketType", Expect.owner(), (w, c) -> doors.grpc(c,
				TicketTypeServiceGrpc::newBlockingStub, s -> s.createTicketType(CreateTicketTypeRequest.newBuilder()
					.setEventId(event()).setTicketType(TicketTypeDraft.newBuilder().setName("Matrix")
						.setPrice(Money.newBuilder().setCurrency("EUR"))).build()))));
		ops.add(row("convene.registration.v1.TicketTypeService/UpdateTicketType", Expect.owner(), (w, c) -> doors.grpc(c,
				TicketTypeServiceGrpc::newBlockingStub, s -> s.updateTicketType(UpdateTicketTypeRequest.newBuilder()
					.setId(freeType(event())).setTicketType(TicketTypeDraft.newBuilder().setName("Changed"))
					.setUpdateMask(FieldMask.newBuilder().addPaths("name")).build()))));
		ops.add(row("convene.registration.v1.TicketTypeService/GetTicketType", Expect.publicRead(), (w, c) -> doors.grpc(c,
				TicketTypeServiceGrpc::newBlockingStub, s -> s.getTicketType(GetTicketTypeRequest.newBuilder().setId(freeType(event())).build()))));
		ops.add(row("convene.registration.v1.TicketTypeService/ListTicketTypes", Expect.publicRead(), (w, c) -> doors.grpc(c,
				TicketTypeServiceGrpc::newBlockingStub, s -> s.listTicketTypes(ListTicketTypesRequest.newBuilder().setEventId(event()).build()))));
		ops.add(row("convene.registration.v1.TicketTypeService/BatchListTicketTypes", Expect.publicRead(), (w, c) -> doors.grpc(c,
				TicketTypeServiceGrpc::newBlockingStub, s -> s.batchListTicketTypes(BatchListTicketTypesRequest.newBuilder()
					.addEventIds(event()).build()))));
		ops.add(row("convene.registration.v1.TicketTypeService/BatchGetTicketTypes", Expect.publicRead(), (w, c) -> doors.grpc(c,
				TicketTypeServiceGrpc::newBlockingStub, s -> s.batchGetTicketTypes(BatchGetTicketTypesRequest.newBuilder()
					.addIds(freeType(event())).build()))));
		return ops;
	}

	private List<Operation> registrations() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("POST /api/v1/registrations", Expect.self(), (w, c) -> {
			String event = event();
			return doors.rest(c, HttpMethod.POST, "/api/v1/registrations", Map.of("eventId", event, "ticketTypeId", freeType(event)));
		}));
		ops.add(row("POST /api/v1/registrations/batch", Expect.self(), (w, c) -> {
			String event = event();
			return doors.restBatch(c, "/api/v1/registrations/batch",
					Map.of("items", List.of(Map.of("eventId", event, "ticketTypeId", freeType(event)))));
		}));
		ops.add(row("GET /api/v1/registrations", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/registrations?eventId=" + eventWithRegistration(), null)));
		ops.add(row("GET /api/v1/registrations", Expect.self(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/registrations", null)));
		ops.add(row("GET /api/v1/registrations/export", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/registrations/export?eventId=" + eventWithRegistration(), null)));
		ops.add(row("GET /api/v1/registrations/{id}", Expect.registrant(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/registrations/" + attendeesRegistration().id(), null)));
		ops.add(row("PATCH /api/v1/registrations/{id}", Expect.registrant(), (w, c) -> doors.rest(c, HttpMethod.PATCH,
				"/api/v1/registrations/" + attendeesRegistration().id(), Map.of("attendee", Map.of("name", "Changed")))));
		ops.add(row("POST /api/v1/registrations/{id}/cancel", Expect.registrant(), (w, c) -> doors.rest(c, HttpMethod.POST,
				"/api/v1/registrations/" + attendeesRegistration().id() + "/cancel", Map.of("reason", "Matrix"))));
		ops.add(row("POST /api/v1/registrations/{id}/confirm", Expect.administrators(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/registrations/" + pendingRegistration() + "/confirm", null)));

		ops.add(row("Query.registration", Expect.registrant(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { registration(id: $id) { id } }", Map.of("id", attendeesRegistration().id()), "registration")));
		ops.add(row("Query.registrations", Expect.owner(), (w, c) -> doors.graphQl(c,
				"query($id: ID) { registrations(eventId: $id) { nodes { id } } }", Map.of("id", eventWithRegistration()),
				"registrations")));
		ops.add(row("Query.registrations", Expect.self(),
				(w, c) -> doors.graphQl(c, "{ registrations { nodes { id } } }", Map.of(), "registrations")));
		ops.add(row("Mutation.register", Expect.self(), (w, c) -> {
			String event = event();
			return doors.graphQl(c, "mutation($input: RegisterInput!) { register(input: $input) { __typename } }",
					Map.of("input", Map.of("eventId", event, "ticketTypeId", freeType(event))), "register");
		}));
		ops.add(row("Mutation.registerBatch", Expect.self(), (w, c) -> {
			String event = event();
			return doors.graphQlBatch(c, "mutation($input: RegisterBatchInput!) { registerBatch(input: $input) { results { "
					+ "error { code } } } }", Map.of("input", Map.of("items", List.of(Map.of("eventId", event, "ticketTypeId",
							freeType(event))))), "registerBatch");
		}));
		ops.add(row("Mutation.updateRegistration", Expect.registrant(), (w, c) -> doors.graphQl(c,
				"mutation($input: UpdateRegistrationInput!) { updateRegistration(input: $input) { __typename } }",
				Map.of("input", Map.of("id", attendeesRegistration().id(), "attendee", Map.of("name", "Changed"))),
				"updateRegistration")));
		ops.add(row("Mutation.cancelRegistration", Expect.registrant(), (w, c) -> doors.graphQl(c,
				"mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { __typename } }",
				Map.of("input", Map.of("id", attendeesRegistration().id(), "reason", "Matrix")), "cancelRegistration")));
		ops.add(row("Mutation.confirmRegistration", Expect.administrators(), (w, c) -> doors.graphQl(c,
				"mutation($input: ConfirmRegistrationInput!) { confirmRegistration(input: $input) { __typename } }",
				Map.of("input", Map.of("id", pendingRegistration())), "confirmRegistration")));

		String service = "convene.registration.v1.RegistrationService/";
		ops.add(row(service + "CreateRegistration", Expect.self(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.createRegistration(ownRegistration()))));
		ops.add(row(service + "BatchCreateRegistrations", Expect.self(), (w, c) -> doors.grpcBatch(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.batchCreateRegistrations(BatchCreateRegistrationsRequest.newBuilder()
					.addItems(ownRegistration()).build()).getResults(0).getError())));
		ops.add(row(service + "GetRegistration", Expect.registrant(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.getRegistration(GetRegistrationRequest.newBuilder()
					.setId(attendeesRegistration().id()).build()))));
		ops.add(row(service + "ListRegistrations", Expect.owner(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.listRegistrations(ListRegistrationsRequest.newBuilder()
					.setEventId(eventWithRegistration()).build()))));
		ops.add(row(service + "ListRegistrations", Expect.self(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.listRegistrations(ListRegistrationsRequest.getDefaultInstance()))));
		ops.add(row(service + "UpdateRegistration", Expect.registrant(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.updateRegistration(UpdateRegistrationRequest.newBuilder()
					.setId(attendeesRegistration().id()).setAttendee(Attendee.newBuilder().setName("Changed"))
					.setUpdateMask(FieldMask.newBuilder().addPaths("attendee.name")).build()))));
		ops.add(row(service + "CancelRegistration", Expect.registrant(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.cancelRegistration(CancelRegistrationRequest.newBuilder()
					.setId(attendeesRegistration().id()).setReason("Matrix").build()))));
		ops.add(row(service + "ConfirmRegistration", Expect.administrators(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> s.confirmRegistration(ConfirmRegistrationRequest.newBuilder()
					.setId(pendingRegistration()).build()))));
		ops.add(row(service + "ExportRegistrations", Expect.owner(), (w, c) -> doors.grpc(c,
				RegistrationServiceGrpc::newBlockingStub, s -> drain(s.exportRegistrations(ExportRegistrationsRequest.newBuilder()
					.setEventId(eventWithRegistration()).build())))));
		return ops;
	}

	private List<Operation> tickets() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("GET /api/v1/registrations/{id}/ticket", Expect.registrant(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/registrations/" + attendeesRegistration().id() + "/ticket", null)));
		ops.add(row("GET /api/v1/registrations/{id}/ticket.pdf", Expect.registrant(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/registrations/" + attendeesRegistration().id() + "/ticket.pdf", null)));
		ops.add(row("POST /api/v1/tickets/validate", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.rest(c, HttpMethod.POST, "/api/v1/tickets/validate",
					Map.of("code", registration.ticketCode(), "eventId", registration.eventId()));
		}));
		ops.add(row("GET /api/v1/ticket-keys", Expect.open(), (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/ticket-keys", null)));
		ops.add(row("GET /api/v1/events/{eventId}/revoked-tickets", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + eventWithRegistration() + "/revoked-tickets", null)));
		ops.add(row("Query.ticketValidation", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.graphQl(c, "query($code: String!, $id: ID!) { ticketValidation(code: $code, eventId: $id) { state } }",
					Map.of("code", registration.ticketCode(), "id", registration.eventId()), "ticketValidation");
		}));
		ops.add(row("Query.ticketKeys", Expect.open(), (w, c) -> doors.graphQl(c, "{ ticketKeys }", Map.of(), "ticketKeys")));

		String service = "convene.ticket.v1.TicketService/";
		ops.add(row(service + "GetTicket", Expect.registrant(), (w, c) -> doors.grpc(c, TicketServiceGrpc::newBlockingStub,
				s -> s.getTicket(GetTicketRequest.newBuilder().setRegistrationId(attendeesRegistration().id()).build()))));
		ops.add(row(service + "GetTicketPdf", Expect.registrant(), (w, c) -> doors.grpc(c, TicketServiceGrpc::newBlockingStub,
				s -> s.getTicketPdf(GetTicketRequest.newBuilder().setRegistrationId(attendeesRegistration().id()).build()))));
		ops.add(row(service + "ValidateTicket", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.grpc(c, TicketServiceGrpc::newBlockingStub, s -> s.validateTicket(ValidateTicketRequest.newBuilder()
				.setCode(registration.ticketCode()).setEventId(registration.eventId()).build()));
		}));
		ops.add(row(service + "ListTicketKeys", Expect.open(), (w, c) -> doors.grpc(c, TicketServiceGrpc::newBlockingStub,
				s -> s.listTicketKeys(ListTicketKeysRequest.getDefaultInstance()))));
		ops.add(row(service + "ListRevokedTickets", Expect.owner(), (w, c) -> doors.grpc(c, TicketServiceGrpc::newBlockingStub,
				s -> s.listRevokedTickets(ListRevokedTicketsRequest.newBuilder().setEventId(eventWithRegistration()).build()))));
		return ops;
	}

	private List<Operation> checkIns() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("POST /api/v1/events/{eventId}/check-ins", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.rest(c, HttpMethod.POST, "/api/v1/events/" + registration.eventId() + "/check-ins",
					Map.of("code", registration.ticketCode(), "deviceId", "gate-1"));
		}));
		ops.add(row("POST /api/v1/events/{eventId}/check-ins/bulk", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.rest(c, HttpMethod.POST, "/api/v1/events/" + registration.eventId() + "/check-ins/bulk",
					Map.of("codes", List.of(registration.ticketCode()), "deviceId", "gate-1"));
		}));
		ops.add(row("POST /api/v1/events/{eventId}/check-ins/offline", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.rest(c, HttpMethod.POST, "/api/v1/events/" + registration.eventId() + "/check-ins/offline",
					Map.of("deviceId", "gate-1", "scans", List.of(Map.of("code", registration.ticketCode(), "scannedAt",
							Instant.now().toString(), "nonce", UUID.randomUUID().toString()))));
		}));
		ops.add(row("GET /api/v1/events/{eventId}/check-ins", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + eventWithRegistration() + "/check-ins", null)));
		ops.add(row("POST /api/v1/registrations/{id}/check-in/undo", Expect.organizerOfRegistration(), (w, c) -> doors.rest(c, HttpMethod.POST,
				"/api/v1/registrations/" + admittedRegistration() + "/check-in/undo", null)));

		ops.add(row("Query.checkIns", Expect.owner(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { checkIns(eventId: $id) { totalCount } }", Map.of("id", eventWithRegistration()), "checkIns")));
		ops.add(row("Mutation.checkIn", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.graphQl(c, "mutation($input: CheckInInput!) { checkIn(input: $input) { outcome } }",
					Map.of("input", Map.of("eventId", registration.eventId(), "code", registration.ticketCode(), "deviceId", "gate-1")),
					"checkIn");
		}));
		ops.add(row("Mutation.bulkCheckIn", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.graphQl(c, "mutation($input: BulkCheckInInput!) { bulkCheckIn(input: $input) { results { outcome } } }",
					Map.of("input", Map.of("eventId", registration.eventId(), "codes", List.of(registration.ticketCode()),
							"deviceId", "gate-1")), "bulkCheckIn");
		}));
		ops.add(row("Mutation.uploadOfflineScans", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.graphQl(c, "mutation($input: UploadOfflineScansInput!) { uploadOfflineScans(input: $input) { "
					+ "results { outcome } } }", Map.of("input", Map.of("eventId", registration.eventId(), "deviceId", "gate-1",
							"scans", List.of(Map.of("code", registration.ticketCode(), "scannedAt", Instant.now().toString(),
									"nonce", UUID.randomUUID().toString())))), "uploadOfflineScans");
		}));
		ops.add(row("Mutation.undoCheckIn", Expect.organizerOfRegistration(), (w, c) -> doors.graphQl(c,
				"mutation($input: UndoCheckInInput!) { undoCheckIn(input: $input) { __typename } }",
				Map.of("input", Map.of("registrationId", admittedRegistration())), "undoCheckIn")));

		String service = "convene.ticket.v1.CheckInService/";
		ops.add(row(service + "CheckIn", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.grpc(c, CheckInServiceGrpc::newBlockingStub, s -> s.checkIn(CheckInRequest.newBuilder()
				.setEventId(registration.eventId()).setCode(registration.ticketCode()).setDeviceId("gate-1").build()));
		}));
		ops.add(row(service + "BulkCheckIn", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.grpc(c, CheckInServiceGrpc::newBlockingStub, s -> s.bulkCheckIn(BulkCheckInRequest.newBuilder()
				.setEventId(registration.eventId()).addCodes(registration.ticketCode()).setDeviceId("gate-1").build()));
		}));
		ops.add(row(service + "UploadOfflineScans", Expect.owner(), (w, c) -> {
			Registration registration = attendeesRegistration();
			return doors.grpc(c, CheckInServiceGrpc::newBlockingStub, s -> s.uploadOfflineScans(UploadOfflineScansRequest.newBuilder()
				.setEventId(registration.eventId()).setDeviceId("gate-1").addScans(OfflineScan.newBuilder()
					.setCode(registration.ticketCode()).setScannedAt(ProtoTime.of(Instant.now())).setNonce(UUID.randomUUID().toString()))
				.build()));
		}));
		ops.add(row(service + "UndoCheckIn", Expect.organizerOfRegistration(), (w, c) -> doors.grpc(c, CheckInServiceGrpc::newBlockingStub,
				s -> s.undoCheckIn(UndoCheckInRequest.newBuilder().setRegistrationId(admittedRegistration()).build()))));
		ops.add(row(service + "ListCheckIns", Expect.owner(), (w, c) -> doors.grpc(c, CheckInServiceGrpc::newBlockingStub,
				s -> s.listCheckIns(ListCheckInsRequest.newBuilder().setEventId(eventWithRegistration()).build()))));
		return ops;
	}

	private static Operation row(String name, Map<Who, Outcome> expected,
			java.util.function.BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

	private static int drain(Iterator<ExportChunk> chunks) {
		int count = 0;
		while (chunks.hasNext()) {
			chunks.next();
			count++;
		}
		return count;
	}

	// Fixtures, made afresh for every call.

	/** A registration as the fixtures need it. */
	record Registration(String id, String eventId, String ticketCode) {
	}

	/** The owner's published event, made by the administration client. */
	private String event() {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("title", "Matrix registrations");
		event.put("startsAt", START);
		event.put("endsAt", "2030-03-04T20:00:00+01:00");
		event.put("timeZone", "Europe/Berlin");
		event.put("venue", Map.of("address", Map.of("line1", "Main 1", "city", "Berlin", "country", "DE")));
		event.put("organizerId", this.callers.userId(Who.OWNER));
		String id = (String) post(this.admin, "/api/v1/events", event).get("id");
		post(this.admin, "/api/v1/events/" + id + "/publish", null);
		return id;
	}

	private String freeType(String eventId) {
		return (String) post(this.admin, "/api/v1/events/" + eventId + "/ticket-types", ticketTypeJson(0)).get("id");
	}

	private static Map<String, Object> ticketTypeJson(int price) {
		return Map.of("name", "Matrix " + (price == 0 ? "free" : "paid"), "price", Map.of("amount", price, "currency", "EUR"));
	}

	/** The attendee's own confirmed registration on a fresh event of the owner. */
	private Registration attendeesRegistration() {
		String event = event();
		WebTestClient attendee = this.anonymous.mutate()
			.defaultHeader("Authorization", this.callers.get(Who.ATTENDEE).authorization())
			.build();
		Map<String, Object> registration = post(attendee, "/api/v1/registrations",
				Map.of("eventId", event, "ticketTypeId", freeType(event)));
		return new Registration((String) registration.get("id"), event, (String) registration.get("ticketCode"));
	}

	private String eventWithRegistration() {
		return attendeesRegistration().eventId();
	}

	/** A guest registration awaiting payment, on a paid ticket type. */
	private String pendingRegistration() {
		String event = event();
		String paid = (String) post(this.admin, "/api/v1/events/" + event + "/ticket-types", ticketTypeJson(2500)).get("id");
		return (String) post(this.admin, "/api/v1/registrations", Map.of("eventId", event, "ticketTypeId", paid, "attendee",
				Map.of("name", "Guest", "email", "guest-" + UUID.randomUUID() + "@matrix.test"))).get("id");
	}

	/** The attendee's registration, admitted at the door. */
	private String admittedRegistration() {
		Registration registration = attendeesRegistration();
		post(this.admin, "/api/v1/events/" + registration.eventId() + "/check-ins",
				Map.of("code", registration.ticketCode(), "deviceId", "gate-1"));
		return registration.id();
	}

	/** The caller's own registration on a fresh event. */
	private CreateRegistrationRequest ownRegistration() {
		String event = event();
		return CreateRegistrationRequest.newBuilder().setEventId(event).setTicketTypeId(freeType(event)).build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> post(WebTestClient client, String uri, Object body) {
		WebTestClient.RequestBodySpec request = client.post().uri(uri);
		return (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
			.exchange()
			.expectStatus().is2xxSuccessful()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

}
