package org.convene.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content as files in a folder: {@code <directory>/<first two characters of the key>/<key>}.
 * Content is written to {@code <directory>/incoming/<key>.part}, forced to disk and then
 * moved into place atomically (same file system), so a reader sees all of a file or none;
 * a crash leaves at most a part file in {@code incoming}, which the next start clears.
 */
public class LocalContentStore implements ContentStore {

	private static final Logger log = LoggerFactory.getLogger(LocalContentStore.class);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f-]{36}");

	private final Path directory;

	private final Path incoming;

	/** A store in the folder, created on first use; part files a crash left in it are removed. */
	public LocalContentStore(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
		this.incoming = this.directory.resolve("incoming");
		if (Files.isDirectory(this.incoming)) {
			try (var leftovers = Files.newDirectoryStream(this.incoming, "*.part")) {
				for (Path part : leftovers) {
					Files.deleteIfExists(part);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot clean " + this.incoming, ex);
			}
		}
	}

	/** The folder the content lies in. */
	public Path directory() {
		return this.directory;
	}

	@Override
	public PendingContent create() throws IOException {
		String name = UUID.randomUUID().toString();
		String key = name.substring(0, 2) + "/" + name;
		Files.createDirectories(this.incoming);
		Path part = this.incoming.resolve(name + ".part");
		FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		return new LocalPendingContent(key, part, channel);
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public boolean delete(String key) throws IOException {
		return Files.deleteIfExists(path(key));
	}

	@Override
	public boolean exists(String key) throws IOException {
		return Files.isRegularFile(path(key));
	}

	/** The file of a key; keys are only ever ours, never a path from outside. */
	private Path path(String key) throws NoSuchFileException {
		if (!KEY.matcher(key).matches()) {
			throw new NoSuchFileException(key);
		}
		return this.directory.resolve(key);
	}

	private final class LocalPendingContent implements PendingContent {

		private final String key;

		private final Path part;

		private final FileChannel channel;

		private boolean finished;

		LocalPendingContent(String key, Path part, FileChannel channel) {
			this.key = key;
			this.part = part;
			this.channel = channel;
		}

		@Override
		public String key() {
			return this.key;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}

		@Override
		public void commit() throws IOException {
			this.channel.force(true);
			this.channel.close();
			Path target = LocalContentStore.this.directory.resolve(this.key);
			Files.createDirectories(target.getParent());
			Files.move(this.part, target, StandardCopyOption.ATOMIC_MOVE);
			this.finished = true;
		}

		@Override
		public void abort() {
			if (this.finished) {
				return;
			}
			this.finished = true;
			try {
				this.channel.close();
				Files.deleteIfExists(this.part);
			}
			catch (IOException ex) {
				log.warn("Could not remove the incomplete upload {}", this.part, ex);
			}
		}

	}

}
