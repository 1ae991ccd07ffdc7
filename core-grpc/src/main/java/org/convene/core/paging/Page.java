package org.convene.core.paging;

import java.util.List;

import org.convene.common.v1.proto.PageInfo;

/**
 * One page of items with their cursors.
 *
 * @param <T> the item type
 * @param items the items, in list order
 * @param cursors the cursor of each item
 * @param info where the page sits in the whole list
 */
public record Page<T>(List<T> items, List<String> cursors, PageInfo info) {
}
