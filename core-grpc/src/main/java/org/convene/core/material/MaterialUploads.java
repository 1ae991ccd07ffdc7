package org.convene.core.material;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.material.MaterialCommands.StoredFile;
import org.convene.core.material.MaterialCommands.UploadStart;
import org.convene.core.storage.ContentStore;
import org.convene.core.storage.PendingContent;
import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.UploadMaterialRequest;

/**
 * Takes uploads: checks the metadata first, then writes each chunk to pending content in the
 * store as it arrives (counting, hashing and keeping the first bytes for type detection),
 * and on the client's half-close checks the type, commits the content and only then writes
 * its row. Any failure on the way aborts the pending content, or removes committed content
 * whose row could not be written.
 */
@Component
@EnableConfigurationProperties(MaterialProperties.class)
class MaterialUploads {

	static final int MAX_CHUNK = 64 * 1024;

	private final MaterialCommands commands;

	private final ContentStore store;

	private final long maxSize;

	MaterialUploads(MaterialCommands commands, ContentStore store, MaterialProperties properties) {
		this.commands = commands;
		this.store = store;
		this.maxSize = properties.maxSize().toBytes();
	}

	StreamObserver<UploadMaterialRequest> start(StreamObserver<Material> response) {
		return new Upload(response);
	}

	static ApiException tooLarge(long maxSize) {
		return ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than allowed",
				"Files may have at most " + maxSize + " bytes (" + (maxSize / (1024 * 1024)) + " MiB)", "file");
	}

	/** One upload call. gRPC delivers its messages one at a time, so it needs no locking. */
	private final class Upload implements StreamObserver<UploadMaterialRequest> {

		private final StreamObserver<Material> response;

		private final byte[] head = new byte[ContentTypes.HEAD_LENGTH];

		private UploadStart start;

		private PendingContent content;

		private MessageDigest digest;

		private long size;

		private boolean finished;

		Upload(StreamObserver<Material> response) {
			this.response = response;
		}

		@Override
		public void onNext(UploadMaterialRequest request) {
			if (this.finished) {
				return;
			}
			guarded(() -> {
				switch (request.getPartCase()) {
					case METADATA -> begin(request);
					case CHUNK -> append(request.getChunk());
					default -> throw ApiException.invalid("part", "each message carries the metadata or a chunk");
				}
			});
		}

		@Override
		public void onError(Throwable cancelled) {
			abort();
		}

		@Override
		public void onCompleted() {
			if (this.finished) {
				return;
			}
			guarded(() -> {
				if (this.start == null) {
					throw ApiException.invalid("metadata", "the first message must carry the file's metadata");
				}
				if (this.size == 0) {
					throw ApiException.invalid("file", "is empty");
				}
				String type = ContentTypes.check(this.start.declaredType(), this.head,
						(int) Math.min(this.size, this.head.length), this.start.fileName());
				this.content.commit();
				this.finished = true;
				StoredFile file = new StoredFile(this.content.key(), type, this.size,
						HexFormat.of().formatHex(this.digest.digest()));
				Material material;
				try {
					material = MaterialUploads.this.commands.recordUpload(this.start, file);
				}
				catch (RuntimeException ex) {
					MaterialUploads.this.commands.remove(file.key());
					throw ex;
				}
				this.response.onNext(material);
				this.response.onCompleted();
			});
		}

		private void begin(UploadMaterialRequest request) throws IOException {
			if (this.start != null) {
				throw ApiException.invalid("metadata", "only the first message carries metadata");
			}
			this.start = MaterialUploads.this.commands.startUpload(request.getMetadata(), MaterialUploads.this.maxSize);
			this.digest = sha256();
			this.content = MaterialUploads.this.store.create();
		}

		private void append(ByteString chunk) throws IOException {
			if (this.start == null) {
				throw ApiException.invalid("metadata", "the first message must carry the file's metadata");
			}
			if (chunk.size() > MAX_CHUNK) {
				throw ApiException.invalid("chunk", "at most " + MAX_CHUNK + " bytes per message");
			}
			if (this.size + chunk.size() > MaterialUploads.this.maxSize) {
				throw tooLarge(MaterialUploads.this.maxSize);
			}
			byte[] bytes = chunk.toByteArray();
			if (this.size < this.head.length) {
				System.arraycopy(bytes, 0, this.head, (int) this.size, (int) Math.min(bytes.length, this.head.length - this.size));
			}
			this.size += bytes.length;
			this.digest.update(bytes);
			this.content.write(bytes, 0, bytes.length);
		}

		/** Runs a step; a failure aborts the upload and then fails the call (the interceptor turns it into a status). */
		private void guarded(Step step) {
			try {
				step.run();
			}
			catch (IOException ex) {
				abort();
				throw new UncheckedIOException(ex);
			}
			catch (RuntimeException | Error ex) {
				abort();
				throw ex;
			}
		}

		private void abort() {
			this.finished = true;
			if (this.content != null) {
				this.content.abort();
			}
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Step {

		void run() throws IOException;

	}

}
