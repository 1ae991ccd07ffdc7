package org.convene.core.material;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.MaterialKind;

/** Checks the fields of materials as clients send them. */
final class MaterialDrafts {

	static final int MAX_POSITION = 10_000;

	private MaterialDrafts() {
	}

	static String title(String title, String field) {
		String stripped = title.strip();
		if (stripped.isEmpty() || stripped.length() > 200) {
			throw ApiException.invalid(field, "is required, 1 to 200 characters");
		}
		return stripped;
	}

	/** The stored kind: the fallback when unspecified; a file is never LINK. */
	static String kind(MaterialKind kind, MaterialKind fallback, boolean file) {
		MaterialKind chosen = kind == MaterialKind.MATERIAL_KIND_UNSPECIFIED ? fallback : kind;
		if (chosen == MaterialKind.UNRECOGNIZED || (file && chosen == MaterialKind.MATERIAL_KIND_LINK)) {
			throw ApiException.invalid("kind", file ? "must be SLIDES, DOCUMENT, VIDEO, IMAGE, ARCHIVE or OTHER for a file"
					: "must be SLIDES, DOCUMENT, VIDEO, IMAGE, ARCHIVE, LINK or OTHER");
		}
		return MaterialRecords.stored(chosen);
	}

	/** An absolute http or https URL with a host and no credentials, as given. */
	static String url(String url) {
		String stripped = url.strip();
		String problem = "must be an absolute http or https URL of at most 2000 characters, without user info";
		if (stripped.isEmpty() || stripped.length() > 2000 || stripped.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
			throw ApiException.invalid("url", problem);
		}
		try {
			URI uri = new URI(stripped);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
				throw ApiException.invalid("url", problem);
			}
		}
		catch (URISyntaxException ex) {
			throw ApiException.invalid("url", problem);
		}
		return stripped;
	}

	static int position(int position) {
		if (position < 0 || position > MAX_POSITION) {
			throw ApiException.invalid("position", "must be 0 to " + MAX_POSITION);
		}
		return position;
	}

}
