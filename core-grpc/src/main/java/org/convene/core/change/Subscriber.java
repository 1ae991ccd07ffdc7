package org.convene.core.change;

import java.util.ArrayDeque;
import java.util.Queue;

import io.grpc.stub.ServerCallStreamObserver;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.v1.proto.Change;
import org.convene.grpc.ApiError;

/**
 * One open stream: the changes waiting for it, sent as fast as the transport takes them
 * (gRPC flow control tells when it is ready again). The hub only ever queues, so a slow
 * client cannot hold up the others; one that lets {@code capacity} changes pile up is ended.
 */
final class Subscriber {

	private final ChangeGrpcService.Watch watch;

	private final ServerCallStreamObserver<Change> stream;

	private final int capacity;

	private final Queue<Change> waiting = new ArrayDeque<>();

	private boolean ended;

	Subscriber(ChangeGrpcService.Watch watch, ServerCallStreamObserver<Change> stream, int capacity) {
		this.watch = watch;
		this.stream = stream;
		this.capacity = capacity;
	}

	ChangeGrpcService.Watch watch() {
		return this.watch;
	}

	/** Queues a change and sends what the transport takes; false when the stream ended (now or before). */
	synchronized boolean offer(Change change) {
		if (this.ended) {
			return false;
		}
		if (this.waiting.size() >= this.capacity) {
			end(ApiError.of(ErrorCode.RATE_LIMITED, "The subscriber fell too far behind",
					"More than " + this.capacity + " changes were waiting to be sent; open a new stream", null));
			return false;
		}
		this.waiting.add(change);
		drain();
		return true;
	}

	/** Sends waiting changes while the transport is ready; called again when it becomes ready. */
	synchronized void drain() {
		while (!this.ended && !this.waiting.isEmpty() && this.stream.isReady()) {
			this.stream.onNext(this.waiting.poll());
		}
	}

	/** Ends the stream with an error, unless it has ended already. */
	synchronized void end(ApiError error) {
		if (!this.ended) {
			this.ended = true;
			this.waiting.clear();
			if (!this.stream.isCancelled()) {
				this.stream.onError(error.toStatusException());
			}
		}
	}

	/** The client went away. */
	synchronized void cancelled() {
		this.ended = true;
		this.waiting.clear();
	}

}
