package org.convene.gateway.paging;

import java.util.List;

/**
 * A page of a REST list: the items and where they sit.
 *
 * @param <T> the item type
 * @param data the items
 * @param pagination the position in the whole list
 */
public record Page<T>(List<T> data, Pagination pagination) {
}
