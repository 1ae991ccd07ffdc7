package org.convene.gateway.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convene.grpc.ApiException;

/** Reads the version an {@code If-Match} header expects. ETags are a resource's version in quotes. */
public final class Etags {

	private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

	private Etags() {
	}

	/** The expected version, or 0 (no check) when the header is absent or {@code *}. */
	public static long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return 0;
		}
		Matcher matcher = ETAG.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw ApiException.invalid("If-Match", "must be one ETag as returned by this API, e.g. \"3\"");
		}
		return Long.parseLong(matcher.group(1));
	}

}
