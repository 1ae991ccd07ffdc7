package org.convene.core.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps content by key, streaming in both directions so that no file is ever held in memory
 * whole. Content is written through a {@link PendingContent} and becomes readable under its
 * key only when committed, all of it at once; a pending content that is aborted (or never
 * committed) leaves nothing behind. Metadata lives elsewhere (in PostgreSQL): the store only
 * knows keys and bytes.
 */
public interface ContentStore {

	/** Starts new content under a new key. The caller must commit or abort it. */
	PendingContent create() throws IOException;

	/**
	 * The content stored under the key, for reading from the start; the caller closes it.
	 * @throws java.nio.file.NoSuchFileException when nothing is stored under the key
	 */
	InputStream open(String key) throws IOException;

	/** Removes the content under the key; false when there was none. */
	boolean delete(String key) throws IOException;

	/** Whether content is stored under the key. */
	boolean exists(String key) throws IOException;

}
