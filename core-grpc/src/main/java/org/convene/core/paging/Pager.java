package org.convene.core.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

import org.convene.common.v1.proto.PageInfo;

/** Fetches one page of a filtered, keyset-ordered table. */
public final class Pager {

	private Pager() {
	}

	public static <R extends Record> Page<R> fetch(DSLContext db, Table<R> table, Condition filter, Keyset<?> keyset,
			PageSpec spec) {
		boolean backward = spec.before() != null || spec.fromEnd();
		Condition where = filter;
		if (spec.after() != null) {
			where = where.and(keyset.after(spec.after()));
		}
		if (spec.before() != null) {
			where = where.and(keyset.before(spec.before()));
		}
		List<R> rows = new ArrayList<>(db.selectFrom(table)
			.where(where)
			.orderBy(keyset.orderBy(backward))
			.limit(spec.size() + 1)
			.offset(backward || spec.after() != null ? 0 : spec.offset())
			.fetch());
		boolean more = rows.size() > spec.size();
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backward) {
			Collections.reverse(rows);
		}
		boolean hasNext;
		boolean hasPrevious;
		if (backward) {
			hasPrevious = more;
			hasNext = spec.before() != null && db.fetchExists(table, filter.and(keyset.before(spec.before()).not()));
		}
		else if (spec.after() != null) {
			hasNext = more;
			hasPrevious = db.fetchExists(table, filter.and(keyset.after(spec.after()).not()));
		}
		else {
			hasNext = more;
			hasPrevious = spec.offset() > 0;
		}
		List<Cursor> cursors = rows.stream().map(keyset::cursorOf).toList();
		PageInfo.Builder info = PageInfo.newBuilder()
			.setHasNextPage(hasNext)
			.setHasPreviousPage(hasPrevious)
			.setTotalSize(spec.includeTotal() ? db.fetchCount(table, filter) : -1)
			.setOffset(backward || spec.after() != null ? -1 : spec.offset());
		if (!cursors.isEmpty()) {
			Cursor first = cursors.get(0);
			Cursor last = cursors.get(cursors.size() - 1);
			info.setStartCursor(first.encode()).setEndCursor(last.encode());
			if (hasNext) {
				info.setNextPageToken(new PageToken(true, last).encode());
			}
			if (hasPrevious) {
				info.setPreviousPageToken(new PageToken(false, first).encode());
			}
		}
		return new Page<>(rows, cursors.stream().map(Cursor::encode).toList(), info.build());
	}

}
