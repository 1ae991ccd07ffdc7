package org.convene.gateway.authz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeServiceGrpc;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.core.v1.proto.WatchChangesRequest;
import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.gateway.support.GraphQlWebSocket;

/**
 * Rows of live changes: core's {@code WatchChanges} stream and the GraphQL subscriptions over
 * WebSocket. Both are refused when they open, or stay open until the caller ends them: a stream
 * or subscription that sends a change (the event was just published), or is still open after
 * {@link #OPEN_FOR}, counts as allowed.
 */
final class ChangeRows {

	/** How long an allowed stream is watched; refusals come sooner, when it opens. */
	private static final Duration OPEN_FOR = Duration.ofMillis(1500);

	private final Doors doors;

	private final String baseUrl;

	private final Supplier<String> ownersPublishedEvent;

	ChangeRows(Doors doors, String baseUrl, Supplier<String> ownersPublishedEvent) {
		this.doors = doors;
		this.baseUrl = baseUrl;
		this.ownersPublishedEvent = ownersPublishedEvent;
	}

	List<Operation> all() {
		List<Operation> ops = new ArrayList<>();
		ops.add(row("convene.core.v1.ChangeService/WatchChanges", Expect.publicRead(), (w, c) -> watch(c, ChangeTopic.EVENT)));
		ops.add(row("convene.core.v1.ChangeService/WatchChanges", Expect.owner(), (w, c) -> watch(c, ChangeTopic.REGISTRATIONS)));
		ops.add(row("convene.core.v1.ChangeService/WatchChanges", Expect.owner(), (w, c) -> watch(c, ChangeTopic.CHECK_INS)));
		ops.add(row("Subscription.sessionChanged", Expect.publicRead(), (w, c) -> subscribe(c,
				"subscription($id: ID!) { sessionChanged(eventId: $id) { type } }", "id")));
		ops.add(row("Subscription.eventChanged", Expect.publicRead(), (w, c) -> subscribe(c,
				"subscription($id: ID!) { eventChanged(id: $id) { type } }", "id")));
		ops.add(row("Subscription.registrationChanged", Expect.owner(), (w, c) -> subscribe(c,
				"subscription($id: ID!) { registrationChanged(eventId: $id) { type } }", "id")));
		ops.add(row("Subscription.checkInCompleted", Expect.owner(), (w, c) -> subscribe(c,
				"subscription($id: ID!) { checkInCompleted(eventId: $id) { type } }", "id")));
		return ops;
	}

	private Outcome watch(Callers.Credential credential, ChangeTopic topic) {
		WatchChangesRequest request = WatchChangesRequest.newBuilder()
			.setTopic(topic)
			.setEventId(this.ownersPublishedEvent.get())
			.build();
		return this.doors.grpc(credential, ChangeServiceGrpc::newBlockingStub,
				stub -> staysOpen(stub.withDeadlineAfter(OPEN_FOR.toMillis(), TimeUnit.MILLISECONDS).watchChanges(request)));
	}

	/** Nothing, if the stream sent a change or was still open at its deadline; its refusal otherwise. */
	private static Object staysOpen(Iterator<Change> stream) {
		try {
			if (!stream.hasNext()) {
				throw new AssertionError("The stream ended without a refusal");
			}
			return null;
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
				throw ex;
			}
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private Outcome subscribe(Callers.Credential credential, String document, String variable) {
		Map<String, Object> payload = new HashMap<>();
		if (credential.authorization() != null) {
			payload.put("Authorization", credential.authorization());
		}
		if (credential.apiKey() != null) {
			payload.put("X-API-Key", credential.apiKey());
		}
		try (GraphQlWebSocket socket = GraphQlWebSocket.connect(this.baseUrl)) {
			if (!socket.init(payload)) {
				return Outcome.UNAUTHENTICATED;
			}
			socket.subscribe("1", document, Map.of(variable, this.ownersPublishedEvent.get()));
			Map<String, Object> message = socket.next("1", OPEN_FOR);
			if (message == null || "next".equals(message.get("type"))) {
				return Outcome.ALLOWED;
			}
			return switch (GraphQlWebSocket.errorCode(message)) {
				case "UNAUTHENTICATED" -> Outcome.UNAUTHENTICATED;
				case "PERMISSION_DENIED" -> Outcome.DENIED;
				case "RESOURCE_NOT_FOUND" -> Outcome.HIDDEN;
				default -> throw new AssertionError("The subscription answered " + message);
			};
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

}
