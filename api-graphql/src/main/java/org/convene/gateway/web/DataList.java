package org.convene.gateway.web;

import java.util.List;

/**
 * A short list that needs no paging, in the same {@code data} envelope as the paged ones.
 *
 * @param <T> the item type
 * @param data the items
 */
public record DataList<T>(List<T> data) {
}
