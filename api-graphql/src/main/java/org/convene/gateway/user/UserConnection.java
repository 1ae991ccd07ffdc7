package org.convene.gateway.user;

import java.util.List;

import org.convene.gateway.paging.Connection.PageInfoView;

/**
 * A page of users for GraphQL. Core's user list returns cursors only for the ends of a page
 * ({@code pageInfo.startCursor}, {@code endCursor}), not for each user, so this connection
 * has nodes and no edges.
 *
 * @param nodes the users, by display name
 * @param pageInfo where the page sits
 * @param totalCount matching users in all pages, when asked for
 */
record UserConnection(List<UserView> nodes, PageInfoView pageInfo, Long totalCount) {
}
