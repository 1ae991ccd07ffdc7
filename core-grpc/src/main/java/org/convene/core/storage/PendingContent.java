package org.convene.core.storage;

import java.io.IOException;

/**
 * Content being written: bytes are appended in order, then either all of them are committed
 * under {@link #key()} or none is kept. {@link #close()} aborts unless committed.
 */
public interface PendingContent extends AutoCloseable {

	/** The key the content will be readable under once committed. */
	String key();

	/** Appends bytes. */
	void write(byte[] bytes, int offset, int length) throws IOException;

	/** Makes the content readable under its key, all at once. */
	void commit() throws IOException;

	/** Drops what was written; harmless after a commit or a previous abort. */
	void abort();

	@Override
	default void close() {
		abort();
	}

}
