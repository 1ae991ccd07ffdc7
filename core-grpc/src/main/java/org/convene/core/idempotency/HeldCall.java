package org.convene.core.idempotency;

import java.util.ArrayList;
import java.util.List;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * A call whose answer is held back until the transaction that produced it has ended: the
 * client must not see an answer whose effects could still be rolled back.
 */
final class HeldCall<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {

	private final List<RespT> messages = new ArrayList<>();

	private boolean holding = true;

	private Metadata headers;

	private Status status;

	private Metadata trailers;

	HeldCall(ServerCall<ReqT, RespT> delegate) {
		super(delegate);
	}

	@Override
	public synchronized void sendHeaders(Metadata headers) {
		if (this.holding) {
			this.headers = headers;
		}
		else {
			super.sendHeaders(headers);
		}
	}

	@Override
	public synchronized void sendMessage(RespT message) {
		if (this.holding) {
			this.messages.add(message);
		}
		else {
			super.sendMessage(message);
		}
	}

	@Override
	public synchronized void close(Status status, Metadata trailers) {
		if (this.holding) {
			this.status = status;
			this.trailers = trailers;
		}
		else {
			super.close(status, trailers);
		}
	}

	/** Whether the call was closed with an error. */
	synchronized boolean failed() {
		return this.status != null && !this.status.isOk();
	}

	/** The one message of a call closed with OK, or {@code null} when it has not answered so. */
	synchronized RespT answer() {
		return this.status != null && this.status.isOk() && this.messages.size() == 1 ? this.messages.get(0) : null;
	}

	/** Sends what was held, and from now on everything as it comes. */
	synchronized void release() {
		this.holding = false;
		if (this.headers != null) {
			super.sendHeaders(this.headers);
		}
		this.messages.forEach(super::sendMessage);
		if (this.status != null) {
			super.close(this.status, this.trailers);
		}
	}

	/** Drops what was held: the call failed and is closed with the failure instead. */
	synchronized void discard() {
		this.holding = false;
		this.messages.clear();
		this.headers = null;
		this.status = null;
	}

}
