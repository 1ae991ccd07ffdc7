package org.convene.core.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.protobuf.StatusProto;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.grpc.RequestContext;
import org.convene.core.outbox.Outbox;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.BatchCreateRegistrationsResponse;
import org.convene.registration.v1.proto.BatchItemResult;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.registration.v1.proto.Registration;
import org.convene.schema.core.tables.records.TicketTypeRecord;

/**
 * Takes registration requests: checks them on the calling thread, queues them for their
 * event's seat-taking batch, and waits for the answer. Deliberately not transactional: no
 * database connection is held while a request waits for its batch.
 */
@Service
class RegistrationIntake {

	static final int MAX_BATCH = 100;

	/** How long a call without a deadline waits for its batch. */
	private static final long DEFAULT_WAIT_SECONDS = 60;

	private final Applications applications;

	private final RegistrationBatcher batcher;

	private final ObjectProvider<CommitHook.Source> hooks;

	RegistrationIntake(Applications applications, RegistrationBatcher batcher, ObjectProvider<CommitHook.Source> hooks) {
		this.applications = applications;
		this.batcher = batcher;
		this.hooks = hooks;
	}

	Registration create(CreateRegistrationRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.REGISTRATIONS_WRITE);
		Applications.Reader reader = this.applications.reader(caller);
		Applicant applicant = reader.applicant(request);
		UUID eventId = reader.event(request.getEventId()).getId();
		return (Registration) await(this.batcher.submit(order(eventId, List.of(applicant), false, outcomes -> {
			Outcome outcome = outcomes.get(0);
			if (outcome.failed()) {
				throw new ApiException(outcome.error());
			}
			return outcome.registration();
		})));
	}

	BatchCreateRegistrationsResponse batchCreate(BatchCreateRegistrationsRequest request) {
		Caller caller = RequestContext.current().caller().require(Scopes.REGISTRATIONS_WRITE);
		int count = request.getItemsCount();
		if (count < 1 || count > MAX_BATCH) {
			throw ApiException.invalid("items", "give 1 to " + MAX_BATCH + " items, was " + count);
		}
		String eventId = request.getItems(0).getEventId();
		for (int i = 1; i < count; i++) {
			if (!request.getItems(i).getEventId().equals(eventId)) {
				throw ApiException.invalid("items[" + i + "].eventId", "all items of a batch are for the same event");
			}
		}
		Applications.Reader reader = this.applications.reader(caller);
		checkOrderLimits(request, reader);
		Map<Integer, ApiError> refused = new HashMap<>();
		List<Applicant> applicants = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			try {
				applicants.add(reader.applicant(request.getItems(i)));
				positions.add(i);
			}
			catch (ApiException ex) {
				refused.put(i, ex.error());
			}
		}
		if (applicants.isEmpty() || (request.getAllOrNothing() && !refused.isEmpty())) {
			List<Outcome> none = positions.stream().map(i -> Outcome.failed(Refusals.notApplied(refused.keySet().toString()))).toList();
			return response(count, refused, positions, none);
		}
		UUID event = reader.event(eventId).getId();
		return (BatchCreateRegistrationsResponse) await(this.batcher.submit(order(event, applicants,
				request.getAllOrNothing(), outcomes -> response(count, refused, positions, outcomes))));
	}

	/** max_per_order: how many registrations of each ticket type one request may ask for. */
	private static void checkOrderLimits(BatchCreateRegistrationsRequest request, Applications.Reader reader) {
		Map<String, Integer> perType = new HashMap<>();
		request.getItemsList().forEach(item -> perType.merge(item.getTicketTypeId(), 1, Integer::sum));
		perType.forEach((ticketTypeId, asked) -> {
			TicketTypeRecord ticketType;
			try {
				ticketType = reader.ticketType(reader.event(request.getItems(0).getEventId()), ticketTypeId);
			}
			catch (ApiException ex) {
				return;
			}
			if (asked > ticketType.getMaxPerOrder()) {
				throw ApiException.invalid("items", "at most " + ticketType.getMaxPerOrder()
						+ " registrations of ticket type '" + ticketTypeId + "' per order, asked for " + asked);
			}
		});
	}

	private static BatchCreateRegistrationsResponse response(int count, Map<Integer, ApiError> refused,
			List<Integer> positions, List<Outcome> outcomes) {
		Map<Integer, Outcome> byPosition = new HashMap<>();
		for (int i = 0; i < positions.size(); i++) {
			byPosition.put(positions.get(i), outcomes.get(i));
		}
		BatchCreateRegistrationsResponse.Builder response = BatchCreateRegistrationsResponse.newBuilder();
		for (int i = 0; i < count; i++) {
			BatchItemResult.Builder result = BatchItemResult.newBuilder().setIndex(i);
			Outcome outcome = byPosition.get(i);
			if (refused.containsKey(i)) {
				result.setError(status(refused.get(i)));
			}
			else if (outcome.failed()) {
				result.setError(status(outcome.error()));
			}
			else {
				result.setRegistration(outcome.registration());
			}
			response.addResults(result);
		}
		return response.build();
	}

	/** The error as the google.rpc.Status a failed call would carry. */
	private static com.google.rpc.Status status(ApiError error) {
		return StatusProto.fromThrowable(error.toStatusException());
	}

	private Order order(UUID eventId, List<Applicant> applicants, boolean allOrNothing,
			Function<List<Outcome>, Message> answer) {
		CommitHook.Source source = this.hooks.getIfAvailable();
		CommitHook hook = source == null ? CommitHook.NONE : source.current();
		return new Order(eventId, applicants, allOrNothing, Outbox.Origin.current(), hook == null ? CommitHook.NONE : hook,
				answer, Context.current(), new CompletableFuture<>());
	}

	private static Message await(CompletableFuture<Message> answer) {
		Deadline deadline = Context.current().getDeadline();
		long wait = deadline == null ? TimeUnit.SECONDS.toMillis(DEFAULT_WAIT_SECONDS) : deadline.timeRemaining(TimeUnit.MILLISECONDS);
		try {
			return answer.get(Math.max(wait, 0), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw ApiException.of(ErrorCode.DEADLINE_EXCEEDED, "The registration did not complete in time",
					"It may still be carried out; retry with the same idempotency key", null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE, "The server is shutting down");
		}
	}

}
