package org.convene.gateway.paging;

import org.springframework.util.MultiValueMap;

import org.convene.common.v1.proto.PageRequest;
import org.convene.grpc.ApiException;

/**
 * REST pagination parameters, in one of three forms: {@code page} and {@code pageSize};
 * {@code limit} and {@code offset}; {@code cursor} (with {@code limit} or {@code pageSize}).
 *
 * @param mode which form the request used
 * @param size items per page
 * @param page 1-based page number (page form)
 * @param offset items skipped (offset form)
 * @param cursor the page token (cursor form)
 */
public record PageParams(Mode mode, int size, int page, int offset, String cursor) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public enum Mode {

		PAGE, OFFSET, CURSOR

	}

	public static PageParams from(MultiValueMap<String, String> query) {
		Integer page = integer(query, "page", 1);
		Integer pageSize = integer(query, "pageSize", 1);
		Integer limit = integer(query, "limit", 1);
		Integer offset = integer(query, "offset", 0);
		String cursor = query.getFirst("cursor");
		if (pageSize != null && limit != null) {
			throw ApiException.invalid("limit", "give either pageSize or limit, not both");
		}
		int size = pageSize != null ? pageSize : limit != null ? limit : DEFAULT_SIZE;
		if (size > MAX_SIZE) {
			throw ApiException.invalid(pageSize != null ? "pageSize" : "limit", "must be at most " + MAX_SIZE);
		}
		if (cursor != null && (page != null || offset != null)) {
			throw ApiException.invalid("cursor", "cannot be combined with page or offset");
		}
		if (page != null && offset != null) {
			throw ApiException.invalid("offset", "cannot be combined with page");
		}
		if (cursor != null) {
			if (cursor.isBlank()) {
				throw ApiException.invalid("cursor", "must not be empty");
			}
			return new PageParams(Mode.CURSOR, size, 0, 0, cursor);
		}
		if (offset != null || limit != null) {
			return new PageParams(Mode.OFFSET, size, 0, offset == null ? 0 : offset, null);
		}
		int number = page == null ? 1 : page;
		if ((long) (number - 1) * size > Integer.MAX_VALUE) {
			throw ApiException.invalid("page", "is too large");
		}
		return new PageParams(Mode.PAGE, size, number, (number - 1) * size, null);
	}

	public PageRequest toRequest() {
		PageRequest.Builder request = PageRequest.newBuilder().setPageSize(this.size).setIncludeTotalSize(true);
		if (this.mode == Mode.CURSOR) {
			request.setPageToken(this.cursor);
		}
		else {
			request.setOffset(this.offset);
		}
		return request.build();
	}

	private static Integer integer(MultiValueMap<String, String> query, String name, int minimum) {
		String value = query.getFirst(name);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < minimum) {
				throw ApiException.invalid(name, "must be at least " + minimum);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid(name, "must be an integer");
		}
	}

}
