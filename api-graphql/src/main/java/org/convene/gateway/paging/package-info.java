/**
 * Pagination as each door speaks it: REST page/pageSize, limit/offset and cursor with
 * RFC 8288 Link headers; GraphQL Relay connections. Both become one
 * {@link org.convene.common.v1.proto.PageRequest}.
 */
package org.convene.gateway.paging;
