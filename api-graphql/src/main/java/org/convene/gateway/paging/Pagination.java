package org.convene.gateway.paging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import org.convene.common.v1.proto.PageInfo;
import org.convene.common.v1.proto.PageRequest;
import org.convene.grpc.ApiException;

/**
 * Where a REST page sits in the whole list, in the body and as RFC 8288 {@code Link} and
 * {@code X-Total-Count} headers.
 *
 * @param totalCount matching items in all pages
 * @param pageSize items per page
 * @param page 1-based page number, in the page form
 * @param offset items skipped, in the page and offset forms
 * @param hasNextPage whether a next page exists
 * @param hasPreviousPage whether a previous page exists
 * @param nextCursor cursor of the next page, when there is one
 * @param previousCursor cursor of the previous page, when there is one
 */
public record Pagination(long totalCount, int pageSize, Integer page, Integer offset, boolean hasNextPage,
		boolean hasPreviousPage, String nextCursor, String previousCursor) {

	public static Pagination of(PageParams params, PageInfo info) {
		return new Pagination(info.getTotalSize(), params.size(),
				params.mode() == PageParams.Mode.PAGE ? params.page() : null,
				params.mode() == PageParams.Mode.CURSOR ? null : params.offset(), info.getHasNextPage(),
				info.getHasPreviousPage(), blankToNull(info.getNextPageToken()), blankToNull(info.getPreviousPageToken()));
	}

	/** {@code Link} (first, prev, next, last where known) and {@code X-Total-Count}. */
	public HttpHeaders headers(PageParams params) {
		UriComponentsBuilder self = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam("pageSize")
			.replaceQueryParam("limit")
			.replaceQueryParam("offset")
			.replaceQueryParam("cursor");
		List<String> links = new ArrayList<>();
		long lastOffset = this.totalCount <= 0 ? 0 : ((this.totalCount - 1) / this.pageSize) * this.pageSize;
		switch (params.mode()) {
			case PAGE -> {
				links.add(link(self.cloneBuilder().queryParam("page", 1).queryParam("pageSize", this.pageSize), "first"));
				if (this.hasPreviousPage) {
					links.add(link(self.cloneBuilder().queryParam("page", params.page() - 1).queryParam("pageSize", this.pageSize), "prev"));
				}
				if (this.hasNextPage) {
					links.add(link(self.cloneBuilder().queryParam("page", params.page() + 1).queryParam("pageSize", this.pageSize), "next"));
				}
				links.add(link(self.cloneBuilder().queryParam("page", lastOffset / this.pageSize + 1).queryParam("pageSize", this.pageSize), "last"));
			}
			case OFFSET -> {
				links.add(link(self.cloneBuilder().queryParam("offset", 0).queryParam("limit", this.pageSize), "first"));
				if (this.hasPreviousPage) {
					links.add(link(self.cloneBuilder().queryParam("offset", Math.max(0, params.offset() - this.pageSize)).queryParam("limit", this.pageSize), "prev"));
				}
				if (this.hasNextPage) {
					links.add(link(self.cloneBuilder().queryParam("offset", params.offset() + this.pageSize).queryParam("limit", this.pageSize), "next"));
				}
				links.add(link(self.cloneBuilder().queryParam("offset", lastOffset).queryParam("limit", this.pageSize), "last"));
			}
			case CURSOR -> {
				links.add(link(self.cloneBuilder().queryParam("limit", this.pageSize), "first"));
				if (this.previousCursor != null) {
					links.add(link(self.cloneBuilder().queryParam("cursor", this.previousCursor).queryParam("limit", this.pageSize), "prev"));
				}
				if (this.nextCursor != null) {
					links.add(link(self.cloneBuilder().queryParam("cursor", this.nextCursor).queryParam("limit", this.pageSize), "next"));
				}
			}
		}
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.LINK, String.join(", ", links));
		headers.add("X-Total-Count", Long.toString(this.totalCount));
		return headers;
	}

	/**
	 * The page request of a log that pages by cursor only (newest first): the page size (absent
	 * for the default) and the cursor of the previous page (absent for the first).
	 */
	public static PageRequest cursorOnly(Integer pageSize, String cursor) {
		int size = pageSize == null ? PageParams.DEFAULT_SIZE : pageSize;
		if (size < 1 || size > PageParams.MAX_SIZE) {
			throw ApiException.invalid("pageSize", "must be between 1 and " + PageParams.MAX_SIZE);
		}
		return PageRequest.newBuilder().setPageSize(size).setPageToken(cursor == null ? "" : cursor).build();
	}

	/** The {@code Link} to the next page of a cursor-only log, this request with {@code cursor} replaced; none without one. */
	public static HttpHeaders nextCursorLink(String nextCursor) {
		HttpHeaders headers = new HttpHeaders();
		if (nextCursor != null) {
			headers.add(HttpHeaders.LINK, link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", nextCursor), "next"));
		}
		return headers;
	}

	private static String link(UriComponentsBuilder uri, String rel) {
		return "<" + uri.build().encode().toUriString() + ">; rel=\"" + rel + "\"";
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
