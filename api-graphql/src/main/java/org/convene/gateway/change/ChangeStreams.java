package org.convene.gateway.change;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.util.context.Context;

import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeServiceGrpc.ChangeServiceStub;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.core.v1.proto.WatchChangesRequest;
import org.convene.gateway.context.ForwardedContext;

/**
 * Core's change streams as {@link Flux}es: subscribing opens the gRPC stream with the caller's
 * credentials, cancelling cancels it, and its failure (a refusal, core going away) fails the Flux.
 */
@Component
class ChangeStreams {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final ChangeServiceStub changes;

	ChangeStreams(ChangeServiceStub changes) {
		this.changes = changes;
	}

	/** The changes of the topic of one event, for the caller of the request on this thread. */
	Flux<Change> watch(ChangeTopic topic, String eventId) {
		ForwardedContext caller = ForwardedContext.current();
		WatchChangesRequest request = WatchChangesRequest.newBuilder().setTopic(topic).setEventId(eventId).build();
		return Flux.create(sink -> {
			// The forwarding interceptor reads the caller from the thread that starts the call.
			try (ContextSnapshot.Scope scope = SNAPSHOTS
				.setThreadLocalsFrom(caller == null ? Context.empty() : Context.of(ForwardedContext.CONTEXT_KEY, caller))) {
				this.changes.watchChanges(request, new Bridge(sink));
			}
		});
	}

	/** Passes what the stream receives to the sink, and the sink's cancellation to the stream. */
	private static final class Bridge implements ClientResponseObserver<WatchChangesRequest, Change> {

		private final FluxSink<Change> sink;

		Bridge(FluxSink<Change> sink) {
			this.sink = sink;
		}

		@Override
		public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> call) {
			this.sink.onDispose(() -> call.cancel("The subscription ended", null));
		}

		@Override
		public void onNext(Change change) {
			this.sink.next(change);
		}

		@Override
		public void onError(Throwable failure) {
			this.sink.error(failure);
		}

		@Override
		public void onCompleted() {
			this.sink.complete();
		}

	}

}
