package org.convene.core.paging;

import org.convene.common.v1.proto.PageRequest;
import org.convene.grpc.ApiException;

/**
 * A validated page request: how many items, and from where.
 *
 * @param size items per page
 * @param offset items to skip (offset paging), 0 otherwise
 * @param after return items after this position, or {@code null}
 * @param before return items before this position, or {@code null}
 * @param includeTotal whether to count all matching items
 * @param fromEnd whether to return the last items of the list
 */
public record PageSpec(int size, int offset, Cursor after, Cursor before, boolean includeTotal, boolean fromEnd) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Validates a request against the sort order its cursors must have been issued for. */
	public static PageSpec of(PageRequest request, Keyset<?> keyset) {
		String order = keyset.name();
		int size = request.getPageSize() == 0 ? DEFAULT_SIZE : request.getPageSize();
		if (size < 1 || size > MAX_SIZE) {
			throw ApiException.invalid("pageSize", "must be between 1 and " + MAX_SIZE + ", was " + request.getPageSize());
		}
		if (request.getOffset() < 0) {
			throw ApiException.invalid("offset", "must not be negative");
		}
		int positions = (request.getOffset() > 0 ? 1 : 0) + (request.getAfter().isEmpty() ? 0 : 1)
				+ (request.getBefore().isEmpty() ? 0 : 1) + (request.getPageToken().isEmpty() ? 0 : 1)
				+ (request.getFromEnd() ? 1 : 0);
		if (positions > 1) {
			throw ApiException.invalid("page", "give at most one of offset, after, before, page token and from end");
		}
		Cursor after = request.getAfter().isEmpty() ? null : keyset.readable(Cursor.decode(request.getAfter(), order, "after"), "after");
		Cursor before = request.getBefore().isEmpty() ? null
				: keyset.readable(Cursor.decode(request.getBefore(), order, "before"), "before");
		if (!request.getPageToken().isEmpty()) {
			PageToken token = PageToken.decode(request.getPageToken(), order);
			keyset.readable(token.cursor(), "cursor");
			after = token.forward() ? token.cursor() : null;
			before = token.forward() ? null : token.cursor();
		}
		return new PageSpec(size, request.getOffset(), after, before, request.getIncludeTotalSize(), request.getFromEnd());
	}

}
