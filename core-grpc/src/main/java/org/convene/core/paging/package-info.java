/**
 * Pagination shared by every list: page size limits, offset and keyset (cursor) paging,
 * opaque cursors and page tokens.
 */
package org.convene.core.paging;
