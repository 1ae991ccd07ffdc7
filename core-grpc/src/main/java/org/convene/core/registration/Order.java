package org.convene.core.registration;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.google.protobuf.Message;
import io.grpc.Context;

import org.convene.core.outbox.Outbox;

/**
 * One request's registrations, queued for the seat-taking batch of their event, and the
 * answer the request waits for.
 *
 * @param eventId the event
 * @param applicants the registrations asked for, in request order
 * @param allOrNothing whether one failing applicant fails them all
 * @param origin who asked, in which request; recorded with each domain event
 * @param hook work to commit with the effect
 * @param answer builds the request's answer from one outcome per applicant; throws when the
 * request fails as a whole
 * @param call the gRPC context of the request: a request abandoned before its batch runs is
 * not carried out
 * @param done completed with the answer once the batch has committed
 */
record Order(UUID eventId, List<Applicant> applicants, boolean allOrNothing, Outbox.Origin origin, CommitHook hook,
		Function<List<Outcome>, Message> answer, Context call, CompletableFuture<Message> done) {

	Order {
		applicants = List.copyOf(applicants);
	}

}
