package org.convene.core.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.convene.grpc.ApiException;

/** A cursor and a direction: what next_page_token and previous_page_token carry. */
record PageToken(boolean forward, Cursor cursor) {

	String encode() {
		String text = (this.forward ? "after:" : "before:") + this.cursor.encode();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static PageToken decode(String encoded, String expectedOrder) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("cursor", "is not a page token this server issued");
		}
		if (text.startsWith("after:")) {
			return new PageToken(true, Cursor.decode(text.substring(6), expectedOrder, "cursor"));
		}
		if (text.startsWith("before:")) {
			return new PageToken(false, Cursor.decode(text.substring(7), expectedOrder, "cursor"));
		}
		throw ApiException.invalid("cursor", "is not a page token this server issued");
	}

}
