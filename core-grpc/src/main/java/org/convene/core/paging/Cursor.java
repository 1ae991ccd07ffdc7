package org.convene.core.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.convene.grpc.ApiException;

/**
 * A position in a sorted list: the sort key and id of an item. Encoded opaquely, with the
 * sort order it belongs to, so a cursor from another order is refused instead of
 * silently skipping items.
 *
 * @param order the sort order, e.g. {@code START_TIME:asc}
 * @param id the item's id, which breaks ties
 * @param key the item's sort key, as text
 */
public record Cursor(String order, UUID id, String key) {

	private static final String VERSION = "c1";

	public String encode() {
		String text = String.join("|", VERSION, this.order, this.id.toString(), this.key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String encoded, String expectedOrder, String field) {
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", 4);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "is not a cursor this server issued");
		}
		if (parts.length != 4 || !VERSION.equals(parts[0])) {
			throw ApiException.invalid(field, "is not a cursor this server issued");
		}
		if (!parts[1].equals(expectedOrder)) {
			throw ApiException.invalid(field,
					"was issued for sort order " + parts[1] + ", not " + expectedOrder + "; start again without it");
		}
		try {
			return new Cursor(parts[1], UUID.fromString(parts[2]), parts[3]);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "is not a cursor this server issued");
		}
	}

}
