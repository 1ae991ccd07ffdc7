package org.convene.core.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

import org.convene.common.v1.proto.PageInfo;
import org.convene.common.v1.proto.PageRequest;
import org.convene.grpc.ApiException;

/**
 * Pages of an append-only log (numbered rows, newest first), which page by page_token only:
 * the token names the row below which the next page starts, so rows added meanwhile do not
 * shift the pages.
 *
 * @param size rows per page
 * @param beforeId the row the page starts below; 0 for the newest
 */
public record LogPage(int size, long beforeId) {

	/**
	 * The page a request asks for.
	 * @param kind what the log is, written into its tokens so that one log's token is refused by another
	 */
	public static LogPage of(PageRequest page, String kind, int defaultSize, int maxSize) {
		int size = page.getPageSize() == 0 ? defaultSize : page.getPageSize();
		if (size < 1 || size > maxSize) {
			throw ApiException.invalid("pageSize", "must be between 1 and " + maxSize);
		}
		if (page.getOffset() != 0 || !page.getAfter().isEmpty() || !page.getBefore().isEmpty() || page.getFromEnd()) {
			throw ApiException.invalid("page", "this log pages with page_token only");
		}
		return new LogPage(size, beforeId(page.getPageToken(), kind));
	}

	/** Rows to fetch: one more than the page, to know whether another follows. */
	public int limit() {
		return this.size + 1;
	}

	/** The page's rows out of those fetched. */
	public <T> List<T> rows(List<T> fetched) {
		return fetched.size() > this.size ? fetched.subList(0, this.size) : fetched;
	}

	/** Where the fetched rows leave the reader. */
	public <T> PageInfo info(List<T> fetched, String kind, ToLongFunction<T> id) {
		PageInfo.Builder info = PageInfo.newBuilder().setHasNextPage(fetched.size() > this.size).setTotalSize(-1).setOffset(-1);
		if (fetched.size() > this.size) {
			info.setNextPageToken(Base64.getUrlEncoder().withoutPadding()
				.encodeToString((kind + ":" + id.applyAsLong(fetched.get(this.size - 1))).getBytes(StandardCharsets.UTF_8)));
		}
		return info.build();
	}

	private static long beforeId(String token, String kind) {
		if (token.isEmpty()) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (!text.startsWith(kind + ":")) {
				throw new IllegalArgumentException();
			}
			return Long.parseLong(text.substring(kind.length() + 1));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("cursor", "is not a page token this server issued");
		}
	}

}
