package org.convene.gateway.material;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialServiceGrpc.MaterialServiceStub;
import org.convene.session.v1.proto.MaterialUpload;
import org.convene.session.v1.proto.UploadMaterialRequest;

/**
 * One upload to core: the metadata, then the content in 64 KiB chunks, each sent when core is
 * ready for it (gRPC flow control), so that at most a chunk or two is in memory at a time.
 * Core's refusal (too large, wrong type) ends the upload early.
 */
final class CoreUpload implements ClientResponseObserver<UploadMaterialRequest, Material> {

	static final int CHUNK = 64 * 1024;

	private final CompletableFuture<Material> result = new CompletableFuture<>();

	private final Object ready = new Object();

	private CoreUpload() {
	}

	/** Streams the content to core; the stored material, or core's refusal as a StatusRuntimeException. */
	static Material send(MaterialServiceStub stub, Duration timeout, MaterialUpload metadata, InputStream content)
			throws IOException {
		CoreUpload upload = new CoreUpload();
		long deadline = System.nanoTime() + timeout.toNanos();
		ClientCallStreamObserver<UploadMaterialRequest> requests = (ClientCallStreamObserver<UploadMaterialRequest>) stub
			.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.uploadMaterial(upload);
		try {
			requests.onNext(UploadMaterialRequest.newBuilder().setMetadata(metadata).build());
			byte[] buffer = new byte[CHUNK];
			int read;
			while (!upload.result.isDone() && (read = content.readNBytes(buffer, 0, CHUNK)) > 0) {
				upload.awaitReady(requests, deadline);
				requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(buffer, 0, read)).build());
			}
			if (!upload.result.isDone()) {
				requests.onCompleted();
			}
		}
		catch (IOException | RuntimeException ex) {
			requests.onError(Status.CANCELLED.withDescription("The upload failed at the gateway").asRuntimeException());
			throw ex;
		}
		return upload.await(deadline);
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<UploadMaterialRequest> requests) {
		requests.setOnReadyHandler(this::signal);
	}

	@Override
	public void onNext(Material material) {
		this.result.complete(material);
	}

	@Override
	public void onError(Throwable failure) {
		this.result.completeExceptionally(failure);
		signal();
	}

	@Override
	public void onCompleted() {
		signal();
	}

	private void signal() {
		synchronized (this.ready) {
			this.ready.notifyAll();
		}
	}

	private void awaitReady(ClientCallStreamObserver<UploadMaterialRequest> requests, long deadline) {
		synchronized (this.ready) {
			while (!requests.isReady() && !this.result.isDone()) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					throw Status.DEADLINE_EXCEEDED.withDescription("core did not take the upload in time").asRuntimeException();
				}
				try {
					this.ready.wait(Math.min(left, 100));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
				}
			}
		}
	}

	private Material await(long deadline) {
		try {
			return this.result.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof StatusRuntimeException status ? status
					: Status.INTERNAL.withCause(ex.getCause()).asRuntimeException();
		}
		catch (TimeoutException ex) {
			throw Status.DEADLINE_EXCEEDED.withDescription("core did not answer the upload in time").asRuntimeException();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
		}
	}

}
