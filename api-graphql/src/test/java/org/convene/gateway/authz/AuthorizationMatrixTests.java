package org.convene.gateway.authz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.convene.common.v1.proto.PageRequest;
import org.convene.core.v1.proto.ApiKeyServiceGrpc;
import org.convene.core.v1.proto.AuditEntry;
import org.convene.core.v1.proto.AuditServiceGrpc;
import org.convene.core.v1.proto.BatchGetEventStatisticsRequest;
import org.convene.core.v1.proto.BatchGetEventsRequest;
import org.convene.core.v1.proto.BatchGetUsersRequest;
import org.convene.core.v1.proto.BatchListSubEventsRequest;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.ChangeServiceGrpc;
import org.convene.core.v1.proto.ChangePasswordRequest;
import org.convene.core.v1.proto.CreateApiKeyRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventServiceGrpc;
import org.convene.core.v1.proto.GetEventRequest;
import org.convene.core.v1.proto.GetEventStatisticsRequest;
import org.convene.core.v1.proto.GetUserRequest;
import org.convene.core.v1.proto.LinkExternalIdentityRequest;
import org.convene.core.v1.proto.ListApiKeysRequest;
import org.convene.core.v1.proto.ListAuditRecordsRequest;
import org.convene.core.v1.proto.ListEventsRequest;
import org.convene.core.v1.proto.ListUsersRequest;
import org.convene.core.v1.proto.PostalAddress;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.RecordAuditEntriesRequest;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.RevokeApiKeyRequest;
import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SetRolesRequest;
import org.convene.core.v1.proto.SetUserStatusRequest;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateProfileRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.core.v1.proto.UserServiceGrpc;
import org.convene.core.v1.proto.UserStatus;
import org.convene.core.v1.proto.Venue;
import org.convene.core.v1.proto.VerifyPasswordRequest;
import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.v1.proto.ClientServiceGrpc;
import org.convene.gateway.v1.proto.GetClientRequest;
import org.convene.gateway.v1.proto.ListClientsRequest;
import org.convene.gateway.v1.proto.RegisterClientRequest;
import org.convene.gateway.v1.proto.RotateClientSecretRequest;
import org.convene.gateway.v1.proto.SetClientDisabledRequest;
import org.convene.gateway.support.TestBackends;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.RegistrationServiceGrpc;
import org.convene.registration.v1.proto.TicketTypeServiceGrpc;
import org.convene.session.v1.proto.AgendaServiceGrpc;
import org.convene.session.v1.proto.CalendarServiceGrpc;
import org.convene.session.v1.proto.MaterialServiceGrpc;
import org.convene.session.v1.proto.SessionAttendanceServiceGrpc;
import org.convene.session.v1.proto.SessionFeedbackServiceGrpc;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.ticket.v1.proto.CheckInServiceGrpc;
import org.convene.ticket.v1.proto.TicketServiceGrpc;
import org.convene.webhook.v1.proto.WebhookServiceGrpc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of every door — REST endpoint, GraphQL field, gRPC method — tried by every
 * kind of caller, against the rule it must follow. An operation added to any door without a
 * row here fails {@link #coversEveryOperationOfEveryDoor()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests extends GatewayIntegrationTest {

	private static final String START = "2030-03-04T18:00:00+01:00";

	private static final String END = "2030-03-04T20:00:00+01:00";

	/** Services core and the gateway serve through their gRPC doors, besides health and reflection. */
	private static final List<ServiceDescriptor> GRPC_SERVICES = List.of(EventServiceGrpc.getServiceDescriptor(),
			UserServiceGrpc.getServiceDescriptor(), ApiKeyServiceGrpc.getServiceDescriptor(),
			AuditServiceGrpc.getServiceDescriptor(), ClientServiceGrpc.getServiceDescriptor(),
			TicketTypeServiceGrpc.getServiceDescriptor(), RegistrationServiceGrpc.getServiceDescriptor(),
			TicketServiceGrpc.getServiceDescriptor(), CheckInServiceGrpc.getServiceDescriptor(),
			WebhookServiceGrpc.getServiceDescriptor(), ChangeServiceGrpc.getServiceDescriptor(),
			SessionServiceGrpc.getServiceDescriptor(), AgendaServiceGrpc.getServiceDescriptor(),
			SessionAttendanceServiceGrpc.getServiceDescriptor(), SessionFeedbackServiceGrpc.getServiceDescriptor(),
			CalendarServiceGrpc.getServiceDescriptor(), MaterialServiceGrpc.getServiceDescriptor());

	@Autowired
	JwtEncoder encoder;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping restMappings;

	@Autowired
	GraphQlSource graphQl;

	@Autowired
	JdbcTemplate jdbc;

	private Callers callers;

	private Doors doors;

	private WebTestClient admin;

	private ManagedChannel core;

	private ManagedChannel gateway;

	private List<Operation> operations;

	@BeforeAll
	void callers() throws Exception {
		// The admin token is looked up on every request (the matrix can outlast a token), unless a row sends its own.
		this.admin = this.anonymous.mutate()
			.filter((request, next) -> next.exchange(request.headers().getFirst(HttpHeaders.AUTHORIZATION) != null ? request
					: ClientRequest.from(request).headers(headers -> headers.setBearerAuth(adminToken())).build()))
			.build();
		this.callers = new Callers(this.baseUrl, this.admin, this.anonymous, ADMIN_EMAIL, ADMIN_PASSWORD, this.encoder);
		this.core = ManagedChannelBuilder.forAddress("127.0.0.1", TestBackends.get().coreGrpcPort()).usePlaintext().build();
		this.gateway = ManagedChannelBuilder.forAddress("127.0.0.1", TestBackends.get().gatewayGrpcPort()).usePlaintext().build();
		this.doors = new Doors(this.anonymous, this.core, this.gateway);
		this.operations = operations();
	}

	@AfterAll
	void closeChannel() {
		this.core.shutdownNow();
		this.gateway.shutdownNow();
	}

	@Test
	void coversEveryOperationOfEveryDoor() {
		Set<String> covered = new TreeSet<>(this.operations.stream().map(Operation::name).toList());
		Set<String> offered = new TreeSet<>();
		for (RequestMappingInfo info : this.restMappings.getHandlerMethods().keySet()) {
			for (String path : info.getPatternValues()) {
				if (path.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach(method -> offered.add(method + " " + path));
				}
			}
		}
		var schema = this.graphQl.schema();
		schema.getQueryType().getFieldDefinitions().forEach(field -> offered.add("Query." + field.getName()));
		schema.getMutationType().getFieldDefinitions().forEach(field -> offered.add("Mutation." + field.getName()));
		schema.getSubscriptionType().getFieldDefinitions().forEach(field -> offered.add("Subscription." + field.getName()));
		GRPC_SERVICES.forEach(service -> service.getMethods().forEach(method -> offered.add(method.getFullMethodName())));

		assertThat(covered).as("operations without a row in the matrix").containsAll(offered);
		assertThat(offered).as("rows naming no operation").containsAll(covered);
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsWhatTheRuleSays() {
		return this.operations.stream().flatMap(operation -> operation.expected().entrySet().stream()
			.map(expected -> DynamicTest.dynamicTest(operation.name() + " as " + expected.getKey(), () -> {
				Outcome actual = operation.call().apply(expected.getKey(), this.callers.get(expected.getKey()));
				assertThat(actual).as(operation.name() + " as " + expected.getKey()).isEqualTo(expected.getValue());
			})));
	}

	/**
	 * One operation of one door.
	 *
	 * @param name "METHOD /path", "Query.field", "Mutation.field", "Subscription.field" or a full gRPC method name
	 * @param expected the outcome each caller must get
	 * @param call performs it as a caller (fixtures are created afresh inside)
	 */
	record Operation(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
	}

	private List<Operation> operations() {
		List<Operation> all = new ArrayList<>();
		all.addAll(events());
		all.addAll(users());
		all.addAll(apiKeys());
		all.addAll(gatewayAdministration());
		all.addAll(new RegistrationRows(this.doors, this.callers, this.admin, this.anonymous).all());
		all.addAll(new WebhookRows(this.doors, this.callers, this.anonymous, this::ownersDomainEvent).all());
		all.addAll(new ChangeRows(this.doors, this.baseUrl, this::publishedEvent).all());
		all.addAll(new SessionRows(this.doors, this.admin, this::publishedEvent, this::freshUser).all());
		all.addAll(new AgendaRows(this.doors, this.admin, this::publishedEvent).all());
		all.addAll(new AttendanceRows(this.doors, this.callers, this.admin, this.anonymous).all());
		all.addAll(new CalendarRows(this.doors, this.callers, this.anonymous, this::publishedEvent).all());
		all.addAll(new MaterialRows(this.doors, this.admin, this.anonymous, this.callers, this::publishedEvent).all());
		return all;
	}

	private List<Operation> events() {
		List<Operation> ops = new ArrayList<>();
		ops.add(rest("GET /api/v1/events", Expect.publicRead(), (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events", null)));
		ops.add(rest("GET /api/v1/events/{id}", Expect.publicRead(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + publishedEvent(), null)));
		ops.add(rest("POST /api/v1/events", Expect.organizers(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/events", eventJson(null))));
		ops.add(rest("PATCH /api/v1/events/{id}", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.PATCH, "/api/v1/events/" + publishedEvent(), Map.of("title", "Changed"))));
		ops.add(rest("POST /api/v1/events/{id}/publish", Expect.ownerOfHidden(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/events/" + draftEvent() + "/publish", null)));
		ops.add(rest("POST /api/v1/events/{id}/cancel", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/events/" + publishedEvent() + "/cancel", Map.of("reason", "Matrix"))));
		ops.add(rest("GET /api/v1/events/{id}/statistics", Expect.publicRead(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + publishedEvent() + "/statistics", null)));
		ops.add(rest("GET /api/v1/events/{id}/sub-events", Expect.publicRead(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + publishedEvent() + "/sub-events", null)));
		ops.add(rest("POST /api/v1/events/{id}/sub-events", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/events/" + publishedEvent() + "/sub-events", eventJson(null))));
		ops.add(rest("GET /api/v1/events/{id}/occurrences", Expect.publicRead(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/events/" + publishedSeries() + "/occurrences", null)));
		ops.add(rest("PUT /api/v1/events/{id}/recurrence", Expect.owner(), (w, c) -> doors.rest(c, HttpMethod.PUT,
				"/api/v1/events/" + publishedSeries() + "/recurrence", Map.of("rule", "FREQ=WEEKLY;COUNT=3"))));

		ops.add(rest("Query.event", Expect.publicRead(), (w, c) -> doors.graphQl(c,
				"query($id: ID!) { event(id: $id) { id } }", Map.of("id", publishedEvent()), "event")));
		ops.add(rest("Query.events", Expect.publicRead(),
				(w, c) -> doors.graphQl(c, "{ events(first: 5) { nodes { id } } }", Map.of(), "events")));
		ops.add(rest("Mutation.createEvent", Expect.organizers(), (w, c) -> doors.graphQl(c,
				"mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename } }",
				Map.of("input", eventJson(null)), "createEvent")));
		ops.add(rest("Mutation.updateEvent", Expect.owner(), (w, c) -> doors.graphQl(c,
				"mutation($input: UpdateEventInput!) { updateEvent(input: $input) { __typename } }",
				Map.of("input", Map.of("id", publishedEvent(), "title", "Changed")), "updateEvent")));
		ops.add(rest("Mutation.publishEvent", Expect.ownerOfHidden(), (w, c) -> doors.graphQl(c,
				"mutation($input: PublishEventInput!) { publishEvent(input: $input) { __typename } }",
				Map.of("input", Map.of("id", draftEvent())), "publishEvent")));
		ops.add(rest("Mutation.cancelEvent", Expect.owner(), (w, c) -> doors.graphQl(c,
				"mutation($input: CancelEventInput!) { cancelEvent(input: $input) { __typename } }",
				Map.of("input", Map.of("id", publishedEvent(), "reason", "Matrix")), "cancelEvent")));
		ops.add(rest("Mutation.updateEventRecurrence", Expect.owner(), (w, c) -> doors.graphQl(c,
				"mutation($input: UpdateEventRecurrenceInput!) { updateEventRecurrence(input: $input) { __typename } }",
				Map.of("input", Map.of("id", publishedSeries(), "recurrence", Map.of("rule", "FREQ=WEEKLY;COUNT=3"))),
				"updateEventRecurrence")));

		ops.add(rest("convene.core.v1.EventService/GetEvent", Expect.publicRead(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.getEvent(GetEventRequest.newBuilder().setId(publishedEvent()).build()))));
		ops.add(rest("convene.core.v1.EventService/BatchGetEvents", Expect.publicRead(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.batchGetEvents(BatchGetEventsRequest.newBuilder().addIds(publishedEvent()).build()))));
		ops.add(rest("convene.core.v1.EventService/ListEvents", Expect.publicRead(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.listEvents(ListEventsRequest.getDefaultInstance()))));
		ops.add(rest("convene.core.v1.EventService/CreateEvent", Expect.organizers(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.createEvent(CreateEventRequest.newBuilder().setEvent(draft()).build()))));
		ops.add(rest("convene.core.v1.EventService/UpdateEvent", Expect.owner(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.updateEvent(UpdateEventRequest.newBuilder().setId(publishedEvent())
					.setEvent(EventDraft.newBuilder().setTitle("Changed")).setUpdateMask(FieldMask.newBuilder().addPaths("title")).build()))));
		ops.add(rest("convene.core.v1.EventService/UpdateRecurrence", Expect.owner(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.updateRecurrence(UpdateRecurrenceRequest.newBuilder().setId(publishedSeries())
					.setRecurrence(Recurrence.newBuilder().setRule("FREQ=WEEKLY;COUNT=3")).build()))));
		ops.add(rest("convene.core.v1.EventService/PublishEvent", Expect.ownerOfHidden(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.publishEvent(PublishEventRequest.newBuilder().setId(draftEvent()).build()))));
		ops.add(rest("convene.core.v1.EventService/CancelEvent", Expect.owner(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.cancelEvent(CancelEventRequest.newBuilder().setId(publishedEvent()).setReason("Matrix").build()))));
		ops.add(rest("convene.core.v1.EventService/GetEventStatistics", Expect.publicRead(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.getEventStatistics(GetEventStatisticsRequest.newBuilder().setEventId(publishedEvent()).build()))));
		ops.add(rest("convene.core.v1.EventService/BatchGetEventStatistics", Expect.publicRead(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.batchGetEventStatistics(BatchGetEventStatisticsRequest.newBuilder().addEventIds(publishedEvent()).build()))));
		ops.add(rest("convene.core.v1.EventService/BatchListSubEvents", Expect.publicRead(), (w, c) -> doors.grpc(c,
				EventServiceGrpc::newBlockingStub, s -> s.batchListSubEvents(BatchListSubEventsRequest.newBuilder().addParentIds(publishedEvent()).build()))));
		return ops;
	}

	private List<Operation> users() {
		List<Operation> ops = new ArrayList<>();
		String owner = this.callers.userId(Who.OWNER);
		ops.add(rest("POST /api/v1/users", Expect.open(), (w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/users", signUpJson())));
		ops.add(rest("GET /api/v1/users/{id}", Expect.publicRead(), (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/users/" + owner, null)));
		ops.add(rest("GET /api/v1/users", Expect.administrators(), (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/users", null)));
		ops.add(rest("PATCH /api/v1/users/{id}", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.PATCH, "/api/v1/users/" + owner, Map.of("displayName", "Owner"))));
		ops.add(rest("POST /api/v1/users/me/password", Expect.self(), (w, c) -> doors.rest(c, HttpMethod.POST,
				"/api/v1/users/me/password", Map.of("currentPassword", this.callers.password(w), "newPassword", this.callers.password(w)))));
		ops.add(rest("PUT /api/v1/users/{id}/roles", Expect.administrators(), (w, c) -> doors.rest(c, HttpMethod.PUT,
				"/api/v1/users/" + freshUser() + "/roles", Map.of("roles", List.of("SPEAKER")))));
		ops.add(rest("PUT /api/v1/users/{id}/status", Expect.administrators(), (w, c) -> doors.rest(c, HttpMethod.PUT,
				"/api/v1/users/" + freshUser() + "/status", Map.of("status", "DISABLED"))));

		ops.add(rest("Query.me", Expect.self(), (w, c) -> doors.graphQl(c, "{ me { id } }", Map.of(), "me")));
		ops.add(rest("Query.user", Expect.publicRead(),
				(w, c) -> doors.graphQl(c, "query($id: ID!) { user(id: $id) { id } }", Map.of("id", owner), "user")));
		ops.add(rest("Query.users", Expect.administrators(),
				(w, c) -> doors.graphQl(c, "{ users(first: 5) { nodes { id } } }", Map.of(), "users")));
		ops.add(rest("Mutation.signUp", Expect.open(), (w, c) -> doors.graphQl(c,
				"mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }", Map.of("input", signUpJson()), "signUp")));
		ops.add(rest("Mutation.updateProfile", Expect.owner(), (w, c) -> doors.graphQl(c,
				"mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename } }",
				Map.of("input", Map.of("id", owner, "displayName", "Owner")), "updateProfile")));
		ops.add(rest("Mutation.changePassword", Expect.self(), (w, c) -> doors.graphQl(c,
				"mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }",
				Map.of("input", Map.of("currentPassword", this.callers.password(w), "newPassword", this.callers.password(w))),
				"changePassword")));
		ops.add(rest("Mutation.setRoles", Expect.administrators(), (w, c) -> doors.graphQl(c,
				"mutation($input: SetRolesInput!) { setRoles(input: $input) { __typename } }",
				Map.of("input", Map.of("id", freshUser(), "roles", List.of("SPEAKER"))), "setRoles")));
		ops.add(rest("Mutation.setUserStatus", Expect.administrators(), (w, c) -> doors.graphQl(c,
				"mutation($input: SetUserStatusInput!) { setUserStatus(input: $input) { __typename } }",
				Map.of("input", Map.of("id", freshUser(), "status", "DISABLED")), "setUserStatus")));

		ops.add(rest("convene.core.v1.UserService/GetUser", Expect.publicRead(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.getUser(GetUserRequest.newBuilder().setId(owner).build()))));
		ops.add(rest("convene.core.v1.UserService/BatchGetUsers", Expect.publicRead(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.batchGetUsers(BatchGetUsersRequest.newBuilder().addIds(owner).build()))));
		ops.add(rest("convene.core.v1.UserService/ListUsers", Expect.administrators(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.listUsers(ListUsersRequest.newBuilder()
					.setPage(PageRequest.newBuilder().setPageSize(5)).build()))));
		ops.add(rest("convene.core.v1.UserService/SignUp", Expect.open(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.signUp(SignUpRequest.newBuilder().setEmail(uniqueEmail())
					.setPassword(Callers.PASSWORD).setDisplayName("New").build()))));
		ops.add(rest("convene.core.v1.UserService/UpdateProfile", Expect.owner(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.updateProfile(UpdateProfileRequest.newBuilder().setId(owner)
					.setDisplayName("Owner").setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()))));
		ops.add(rest("convene.core.v1.UserService/ChangePassword", Expect.self(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.changePassword(ChangePasswordRequest.newBuilder()
					.setCurrentPassword(this.callers.password(w)).setNewPassword(this.callers.password(w)).build()))));
		ops.add(rest("convene.core.v1.UserService/SetRoles", Expect.administrators(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.setRoles(SetRolesRequest.newBuilder().setId(freshUser()).addRoles(Role.SPEAKER).build()))));
		ops.add(rest("convene.core.v1.UserService/SetUserStatus", Expect.administrators(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.setUserStatus(SetUserStatusRequest.newBuilder().setId(freshUser())
					.setStatus(UserStatus.DISABLED).build()))));
		ops.add(rest("convene.core.v1.UserService/VerifyPassword", Expect.internal(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.verifyPassword(VerifyPasswordRequest.newBuilder().setEmail(ADMIN_EMAIL)
					.setPassword(ADMIN_PASSWORD).build()))));
		ops.add(rest("convene.core.v1.UserService/LinkExternalIdentity", Expect.internal(), (w, c) -> doors.grpc(c,
				UserServiceGrpc::newBlockingStub, s -> s.linkExternalIdentity(LinkExternalIdentityRequest.newBuilder()
					.setProvider("https://idp.example.com").setSubject(UUID.randomUUID().toString()).setEmail(uniqueEmail()).setEmailVerified(true).build()))));
		ops.add(rest("GET /api/v1/audit-records", Expect.administrators(),
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/audit-records?pageSize=5", null)));
		ops.add(rest("Query.auditRecords", Expect.administrators(),
				(w, c) -> doors.graphQl(c, "{ auditRecords(first: 5) { nodes { id } } }", Map.of(), "auditRecords")));
		ops.add(rest("convene.core.v1.AuditService/ListAuditRecords", Expect.administrators(), (w, c) -> doors.grpc(c,
				AuditServiceGrpc::newBlockingStub, s -> s.listAuditRecords(ListAuditRecordsRequest.getDefaultInstance()))));
		ops.add(rest("convene.core.v1.AuditService/RecordAuditEntries", Expect.internal(), (w, c) -> doors.grpc(c,
				AuditServiceGrpc::newBlockingStub, s -> s.recordAuditEntries(RecordAuditEntriesRequest.newBuilder()
					.addEntries(AuditEntry.newBuilder().setActor("forged").setOperation("forged").setOutcome("OK")).build()))));
		return ops;
	}

	private List<Operation> apiKeys() {
		List<Operation> ops = new ArrayList<>();
		Map<String, Object> key = Map.of("name", "Matrix", "scopes", List.of("events:read"));
		ops.add(rest("POST /api/v1/api-keys", Expect.signedInOrganizers(), (w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/api-keys", key)));
		ops.add(rest("GET /api/v1/api-keys", Expect.self(), (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/api-keys", null)));
		ops.add(rest("POST /api/v1/api-keys/{id}/revoke", Expect.owner(),
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/api-keys/" + ownersKey() + "/revoke", null)));
		ops.add(rest("Query.apiKeys", Expect.self(), (w, c) -> doors.graphQl(c, "{ apiKeys { id } }", Map.of(), "apiKeys")));
		ops.add(rest("Mutation.createApiKey", Expect.signedInOrganizers(), (w, c) -> doors.graphQl(c,
				"mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename } }", Map.of("input", key), "createApiKey")));
		ops.add(rest("Mutation.revokeApiKey", Expect.owner(), (w, c) -> doors.graphQl(c,
				"mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }",
				Map.of("input", Map.of("id", ownersKey())), "revokeApiKey")));
		ops.add(rest("convene.core.v1.ApiKeyService/CreateApiKey", Expect.signedInOrganizers(), (w, c) -> doors.grpc(c,
				ApiKeyServiceGrpc::newBlockingStub, s -> s.createApiKey(CreateApiKeyRequest.newBuilder().setName("Matrix")
					.addScopes("events:read").build()))));
		ops.add(rest("convene.core.v1.ApiKeyService/ListApiKeys", Expect.self(), (w, c) -> doors.grpc(c,
				ApiKeyServiceGrpc::newBlockingStub, s -> s.listApiKeys(ListApiKeysRequest.getDefaultInstance()))));
		ops.add(rest("convene.core.v1.ApiKeyService/RevokeApiKey", Expect.owner(), (w, c) -> doors.grpc(c,
				ApiKeyServiceGrpc::newBlockingStub, s -> s.revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(ownersKey()).build()))));
		return ops;
	}

	private List<Operation> gatewayAdministration() {
		List<Operation> ops = new ArrayList<>();
		Map<Who, Outcome> admins = Expect.administratorsWithBearerTokens();
		ops.add(rest("GET /api/v1/clients", admins, (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/clients", null)));
		ops.add(rest("GET /api/v1/clients/{clientId}", admins,
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/clients/" + Callers.CLIENT, null)));
		ops.add(rest("POST /api/v1/clients", admins, (w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/clients", clientJson())));
		ops.add(rest("POST /api/v1/clients/{clientId}/secret", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/clients/" + confidentialClient() + "/secret", null)));
		ops.add(rest("POST /api/v1/clients/{clientId}/disable", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/clients/" + confidentialClient() + "/disable", null)));
		ops.add(rest("POST /api/v1/clients/{clientId}/enable", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/clients/" + confidentialClient() + "/enable", null)));
		ops.add(rest("POST /api/v1/admin/signing-keys/rotate", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/admin/signing-keys/rotate", null)));
		Map<Who, Outcome> adminsInGraphQl = Expect.administratorsWithBearerTokens();
		ops.add(rest("Query.oauthClients", adminsInGraphQl, (w, c) -> doors.graphQl(c, "{ oauthClients { clientId } }", Map.of(), "oauthClients")));
		ops.add(rest("Query.oauthClient", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"query($id: ID!) { oauthClient(clientId: $id) { clientId } }", Map.of("id", Callers.CLIENT), "oauthClient")));
		ops.add(rest("Mutation.registerOAuthClient", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"mutation($input: RegisterOAuthClientInput!) { registerOAuthClient(input: $input) { __typename } }",
				Map.of("input", clientJson()), "registerOAuthClient")));
		ops.add(rest("Mutation.rotateOAuthClientSecret", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"mutation($input: RotateOAuthClientSecretInput!) { rotateOAuthClientSecret(input: $input) { __typename } }",
				Map.of("input", Map.of("clientId", confidentialClient())), "rotateOAuthClientSecret")));
		ops.add(rest("Mutation.setOAuthClientDisabled", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"mutation($input: SetOAuthClientDisabledInput!) { setOAuthClientDisabled(input: $input) { __typename } }",
				Map.of("input", Map.of("clientId", confidentialClient(), "disabled", true)), "setOAuthClientDisabled")));
		ops.add(rest("convene.gateway.v1.ClientService/ListClients", admins, (w, c) -> doors.gatewayGrpc(c,
				ClientServiceGrpc::newBlockingStub, s -> s.listClients(ListClientsRequest.getDefaultInstance()))));
		ops.add(rest("convene.gateway.v1.ClientService/GetClient", admins, (w, c) -> doors.gatewayGrpc(c,
				ClientServiceGrpc::newBlockingStub, s -> s.getClient(GetClientRequest.newBuilder().setClientId(Callers.CLIENT).build()))));
		ops.add(rest("convene.gateway.v1.ClientService/RegisterClient", admins, (w, c) -> doors.gatewayGrpc(c,
				ClientServiceGrpc::newBlockingStub, s -> s.registerClient(RegisterClientRequest.newBuilder()
					.setClientId("matrix-" + UUID.randomUUID().toString().substring(0, 8)).setName("Matrix")
					.addGrantTypes("client_credentials").addScopes("events:read").build()))));
		ops.add(rest("convene.gateway.v1.ClientService/RotateClientSecret", admins, (w, c) -> doors.gatewayGrpc(c,
				ClientServiceGrpc::newBlockingStub, s -> s.rotateClientSecret(RotateClientSecretRequest.newBuilder()
					.setClientId(confidentialClient()).build()))));
		ops.add(rest("convene.gateway.v1.ClientService/SetClientDisabled", admins, (w, c) -> doors.gatewayGrpc(c,
				ClientServiceGrpc::newBlockingStub, s -> s.setClientDisabled(SetClientDisabledRequest.newBuilder()
					.setClientId(confidentialClient()).setDisabled(true).build()))));
		ops.add(rest("GET /api/v1/identity-providers", admins, (w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/identity-providers", null)));
		ops.add(rest("GET /api/v1/identity-providers/{id}", admins,
				(w, c) -> doors.rest(c, HttpMethod.GET, "/api/v1/identity-providers/" + identityProvider(), null)));
		ops.add(rest("POST /api/v1/identity-providers", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/identity-providers", identityProviderJson())));
		ops.add(rest("POST /api/v1/identity-providers/{id}/disable", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/identity-providers/" + identityProvider() + "/disable", null)));
		ops.add(rest("POST /api/v1/identity-providers/{id}/enable", admins,
				(w, c) -> doors.rest(c, HttpMethod.POST, "/api/v1/identity-providers/" + identityProvider() + "/enable", null)));
		ops.add(rest("DELETE /api/v1/identity-providers/{id}", admins,
				(w, c) -> doors.rest(c, HttpMethod.DELETE, "/api/v1/identity-providers/" + identityProvider(), null)));
		ops.add(rest("Query.identityProviders", adminsInGraphQl,
				(w, c) -> doors.graphQl(c, "{ identityProviders { id } }", Map.of(), "identityProviders")));
		ops.add(rest("Mutation.registerIdentityProvider", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"mutation($input: RegisterIdentityProviderInput!) { registerIdentityProvider(input: $input) { __typename } }",
				Map.of("input", identityProviderJson()), "registerIdentityProvider")));
		ops.add(rest("Mutation.setIdentityProviderEnabled", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"mutation($input: SetIdentityProviderEnabledInput!) { setIdentityProviderEnabled(input: $input) { __typename } }",
				Map.of("input", Map.of("id", identityProvider(), "enabled", false)), "setIdentityProviderEnabled")));
		ops.add(rest("Mutation.removeIdentityProvider", adminsInGraphQl, (w, c) -> doors.graphQl(c,
				"mutation($input: RemoveIdentityProviderInput!) { removeIdentityProvider(input: $input) { __typename } }",
				Map.of("input", Map.of("id", identityProvider())), "removeIdentityProvider")));
		return ops;
	}

	private static Operation rest(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

	// Fixtures, made afresh for every call by the administration client.

	private Map<String, Object> eventJson(Map<String, Object> extra) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("title", "Matrix event");
		event.put("startsAt", START);
		event.put("endsAt", END);
		event.put("timeZone", "Europe/Berlin");
		event.put("venue", Map.of("address", Map.of("line1", "Main 1", "city", "Berlin", "country", "DE")));
		if (extra != null) {
			event.putAll(extra);
		}
		return event;
	}

	private EventDraft draft() {
		return EventDraft.newBuilder()
			.setTitle("Matrix event")
			.setStartsAt(ProtoTime.of(java.time.OffsetDateTime.parse(START).toInstant()))
			.setEndsAt(ProtoTime.of(java.time.OffsetDateTime.parse(END).toInstant()))
			.setTimeZone("Europe/Berlin")
			.setVenue(Venue.newBuilder().setAddress(PostalAddress.newBuilder().setLine1("Main 1").setCity("Berlin").setCountry("DE")))
			.build();
	}

	private String draftEvent() {
		return createOwnersEvent(eventJson(Map.of("organizerId", this.callers.userId(Who.OWNER))), false);
	}

	private String publishedEvent() {
		return createOwnersEvent(eventJson(Map.of("organizerId", this.callers.userId(Who.OWNER))), true);
	}

	/** The domain event (outbox) id of a new published event of the owner's. */
	private String ownersDomainEvent() {
		String event = publishedEvent();
		return this.jdbc.queryForObject("SELECT event_id::text FROM core.outbox WHERE aggregate_id = ?::uuid ORDER BY id LIMIT 1",
				String.class, event);
	}

	private String publishedSeries() {
		return createOwnersEvent(eventJson(Map.of("organizerId", this.callers.userId(Who.OWNER), "recurrence",
				Map.of("rule", "FREQ=WEEKLY;COUNT=2"))), true);
	}

	private String createOwnersEvent(Map<String, Object> body, boolean publish) {
		Map<?, ?> created = this.admin.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) created.get("id");
		if (publish) {
			this.admin.post().uri("/api/v1/events/{id}/publish", id).exchange().expectStatus().isOk();
		}
		return id;
	}

	private String freshUser() {
		Map<?, ?> user = this.admin.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).bodyValue(signUpJson())
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) user.get("id");
	}

	private String ownersKey() {
		Map<?, ?> key = this.admin.mutate().build().post().uri("/api/v1/api-keys")
			.header("Authorization", this.callers.get(Who.OWNER).authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "To revoke", "scopes", List.of("events:read")))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) ((Map<?, ?>) key.get("key")).get("id");
	}

	private String confidentialClient() {
		Map<String, Object> client = clientJson();
		this.admin.post().uri("/api/v1/clients").contentType(MediaType.APPLICATION_JSON).bodyValue(client)
			.exchange().expectStatus().isCreated();
		return (String) client.get("clientId");
	}

	private static Map<String, Object> clientJson() {
		return Map.of("clientId", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "name", "Matrix", "type",
				"CONFIDENTIAL", "grantTypes", List.of("client_credentials"), "scopes", List.of("events:read"));
	}

	private String identityProvider() {
		Map<String, Object> provider = identityProviderJson();
		this.admin.post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON).bodyValue(provider)
			.exchange().expectStatus().isCreated();
		return (String) provider.get("id");
	}

	/** The gateway itself is an OpenID Connect provider whose discovery document answers. */
	private Map<String, Object> identityProviderJson() {
		return Map.of("id", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "name", "Matrix", "issuer",
				this.baseUrl, "clientId", "matrix", "clientSecret", "matrix-secret");
	}

	private static Map<String, Object> signUpJson() {
		return Map.of("email", uniqueEmail(), "password", Callers.PASSWORD, "displayName", "Someone");
	}

	private static String uniqueEmail() {
		return "matrix-" + UUID.randomUUID().toString().substring(0, 12) + "@matrix.test";
	}

}
