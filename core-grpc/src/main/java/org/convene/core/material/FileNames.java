package org.convene.core.material;

import java.text.Normalizer;

import org.convene.grpc.ApiException;

/**
 * File names as clients send them, made safe to show and to offer for download: the last
 * segment of any path (browsers on Windows send {@code C:\...\deck.pdf}), without control
 * characters, NFC-normalized. The name is never used as a path: content lies under a key.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	static String sanitize(String raw) {
		String name = raw == null ? "" : raw;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw ApiException.invalid("fileName", "is required: the file's name, e.g. slides.pdf");
		}
		if (name.length() > MAX_LENGTH) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
			name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
		}
		return name;
	}

}
