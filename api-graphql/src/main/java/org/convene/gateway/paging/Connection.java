package org.convene.gateway.paging;

import java.util.List;

import org.convene.common.v1.proto.PageInfo;
import org.convene.common.v1.proto.PageRequest;
import org.convene.grpc.ApiException;

/**
 * A Relay cursor connection for GraphQL.
 *
 * @param <T> the node type
 * @param edges the nodes with their cursors
 * @param pageInfo where the page sits
 * @param totalCount matching nodes in all pages, when asked for
 */
public record Connection<T>(List<Edge<T>> edges, PageInfoView pageInfo, Long totalCount) {

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	/** Turns Relay arguments into a page request: first/after forward, last/before backward. */
	public static PageRequest request(Integer first, String after, Integer last, String before, boolean countTotal) {
		if (first != null && last != null) {
			throw ApiException.invalid("last", "give either first or last, not both");
		}
		Integer size = first != null ? first : last;
		String sizeArgument = first != null ? "first" : "last";
		if (size != null && (size < 1 || size > PageParams.MAX_SIZE)) {
			throw ApiException.invalid(sizeArgument, "must be between 1 and " + PageParams.MAX_SIZE);
		}
		if (after != null && before != null) {
			throw ApiException.invalid("before", "give either after or before, not both");
		}
		PageRequest.Builder request = PageRequest.newBuilder()
			.setPageSize(size == null ? PageParams.DEFAULT_SIZE : size)
			.setIncludeTotalSize(countTotal);
		if (after != null) {
			request.setAfter(after);
		}
		if (before != null) {
			request.setBefore(before);
		}
		else if (last != null && after == null) {
			request.setFromEnd(true);
		}
		return request.build();
	}

	/**
	 * @param <T> the node type
	 * @param cursor where this node sits
	 * @param node the node
	 */
	public record Edge<T>(String cursor, T node) {
	}

	/** Relay's PageInfo. */
	public record PageInfoView(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

		public static PageInfoView of(PageInfo info) {
			return new PageInfoView(info.getHasNextPage(), info.getHasPreviousPage(),
					info.getStartCursor().isEmpty() ? null : info.getStartCursor(),
					info.getEndCursor().isEmpty() ? null : info.getEndCursor());
		}

	}

}
