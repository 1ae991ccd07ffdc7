package org.convene.core.material;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

/**
 * Which file types materials may be, and what a file really is. The type is detected from
 * the file's first bytes (Apache Tika's magic numbers), with its name only refining a match
 * (a ZIP named .pptx is a PowerPoint file; an executable named .pdf stays an executable).
 * HTML and SVG are not accepted: served from our origin, they could run scripts.
 */
final class ContentTypes {

	/** How many leading bytes detection looks at. */
	static final int HEAD_LENGTH = Math.min(MimeTypes.getDefaultMimeTypes().getMinLength(), 64 * 1024);

	static final Set<String> ALLOWED = Set.of("application/pdf", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/vnd.apple.keynote",
			"application/vnd.oasis.opendocument.presentation", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.oasis.opendocument.text", "image/png", "image/jpeg", "image/webp", "image/gif", "text/plain",
			"text/markdown", "application/zip", "video/mp4", "video/webm");

	/**
	 * Types whose magic numbers cannot tell their specializations apart: a file detected as one
	 * of these may be declared as a more specific type (a Keynote file is a ZIP to magic numbers).
	 */
	private static final Set<String> CONTAINERS = Set.of("application/zip", "application/x-tika-ooxml",
			"application/x-tika-msoffice", "text/plain");

	/** Names Tika or clients use for an allowed type. */
	private static final Map<String, String> ALIASES = Map.of("text/x-web-markdown", "text/markdown", "image/jpg",
			"image/jpeg", "application/x-iwork-keynote-sffkey", "application/vnd.apple.keynote");

	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

	private ContentTypes() {
	}

	/** The declared type, canonical; null when none is declared. UNSUPPORTED_MEDIA_TYPE when it is not accepted. */
	static String declared(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		MediaType parsed = MediaType.parse(contentType.strip().toLowerCase(Locale.ROOT));
		String type = parsed == null ? contentType.strip() : canonical(parsed.getBaseType());
		if (!ALLOWED.contains(type)) {
			throw refused("Files of type " + type + " are not accepted", null);
		}
		return type;
	}

	/**
	 * The type to store for a file whose first bytes are {@code head}: the detected one, or
	 * the declared one where detection can only tell its container. UNSUPPORTED_MEDIA_TYPE,
	 * naming the detected type, when it is not accepted or not what was declared.
	 */
	static String check(String declared, byte[] head, int length, String fileName) {
		String detected = detect(head, length, fileName);
		if (declared == null || declared.equals(detected) || isA(detected, declared)) {
			if (!ALLOWED.contains(detected)) {
				throw refused("Files of type " + detected + " are not accepted", detected);
			}
			return detected;
		}
		if (CONTAINERS.contains(detected) && isA(declared, detected)) {
			return declared;
		}
		throw refused("The file is " + detected + ", not " + declared, detected);
	}

	private static String detect(byte[] head, int length, String fileName) {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		try {
			return canonical(TYPES.detect(new ByteArrayInputStream(head, 0, length), metadata).getBaseType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isA(String type, String supertype) {
		return REGISTRY.isInstanceOf(MediaType.parse(type), MediaType.parse(supertype));
	}

	private static String canonical(MediaType type) {
		String name = REGISTRY.normalize(type).toString();
		return ALIASES.getOrDefault(name, name);
	}

	private static ApiException refused(String message, String detected) {
		return ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message,
				(detected == null ? "" : "Detected type: " + detected + ". ") + "Accepted: " + String.join(", ", new TreeSet<>(ALLOWED)),
				"contentType");
	}

}
