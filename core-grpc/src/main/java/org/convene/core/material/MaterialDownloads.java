package org.convene.core.material;

import java.io.IOException;
import java.io.InputStream;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.convene.core.material.MaterialQueries.Download;
import org.convene.core.storage.ContentStore;
import org.convene.session.v1.proto.DownloadMaterialResponse;

/**
 * Streams a file's content: the material first, then chunks of at most 64 KiB, each sent only
 * while the client is ready for more (gRPC flow control), so a slow client never makes the
 * file pile up in memory.
 */
@Component
class MaterialDownloads {

	private static final Logger log = LoggerFactory.getLogger(MaterialDownloads.class);

	private final MaterialQueries queries;

	private final ContentStore store;

	MaterialDownloads(MaterialQueries queries, ContentStore store) {
		this.queries = queries;
		this.store = store;
	}

	void start(String id, StreamObserver<DownloadMaterialResponse> response) {
		Download download = this.queries.download(id);
		InputStream content;
		try {
			content = this.store.open(download.key());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The content of material " + id + " cannot be read", ex);
		}
		ServerCallStreamObserver<DownloadMaterialResponse> call = (ServerCallStreamObserver<DownloadMaterialResponse>) response;
		Sending sending = new Sending(download, content, call);
		call.setOnCancelHandler(sending::close);
		call.setOnReadyHandler(sending::send);
	}

	/** One download; gRPC runs its callbacks one at a time. */
	private static final class Sending {

		private final Download download;

		private final InputStream content;

		private final ServerCallStreamObserver<DownloadMaterialResponse> call;

		private final byte[] buffer = new byte[MaterialUploads.MAX_CHUNK];

		private boolean started;

		private boolean closed;

		Sending(Download download, InputStream content, ServerCallStreamObserver<DownloadMaterialResponse> call) {
			this.download = download;
			this.content = content;
			this.call = call;
		}

		void send() {
			if (this.closed) {
				return;
			}
			try {
				if (!this.started) {
					this.started = true;
					this.call.onNext(DownloadMaterialResponse.newBuilder().setMetadata(this.download.material()).build());
				}
				while (this.call.isReady()) {
					int read = this.content.readNBytes(this.buffer, 0, this.buffer.length);
					if (read == 0) {
						close();
						this.call.onCompleted();
						return;
					}
					this.call.onNext(DownloadMaterialResponse.newBuilder().setChunk(ByteString.copyFrom(this.buffer, 0, read)).build());
				}
			}
			catch (IOException ex) {
				log.error("Reading the content of material {} failed", this.download.material().getId(), ex);
				close();
				this.call.onError(Status.INTERNAL.withDescription("The content could not be read").asRuntimeException());
			}
		}

		void close() {
			if (!this.closed) {
				this.closed = true;
				try {
					this.content.close();
				}
				catch (IOException ex) {
					log.debug("Closing content failed", ex);
				}
			}
		}

	}

}
