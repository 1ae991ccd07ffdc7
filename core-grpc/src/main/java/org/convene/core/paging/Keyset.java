package org.convene.core.paging;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;

import org.convene.grpc.ApiException;

import static org.jooq.impl.DSL.row;

/**
 * A sort order over a key column with the id as tie-breaker, and the keyset conditions
 * that continue it from a {@link Cursor}.
 *
 * @param <K> the key's Java type
 * @param name the order's name as it appears in cursors, e.g. {@code START_TIME:asc}
 * @param key the sort column
 * @param id the id column
 * @param descending whether the order is descending
 * @param format turns a key into cursor text
 * @param parse reads a key back from cursor text
 */
public record Keyset<K>(String name, Field<K> key, Field<UUID> id, boolean descending, Function<K, String> format,
		Function<String, K> parse) {

	/**
	 * An order over a timestamp column; cursors carry the instant in microseconds since the
	 * epoch, PostgreSQL's precision, so a cursor continues exactly where its page ended.
	 */
	public static Keyset<Instant> ofInstant(String name, Field<Instant> key, Field<UUID> id, boolean descending) {
		return new Keyset<>(name, key, id, descending, Keyset::micros, Keyset::instant);
	}

	private static String micros(Instant instant) {
		return Long.toString(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
	}

	private static Instant instant(String micros) {
		long value = Long.parseLong(micros);
		return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
	}

	/** Items strictly after the cursor in this order. */
	Condition after(Cursor cursor) {
		K value = keyOf(cursor);
		return this.descending ? row(this.key, this.id).lt(value, cursor.id())
				: row(this.key, this.id).gt(value, cursor.id());
	}

	/** Items strictly before the cursor in this order. */
	Condition before(Cursor cursor) {
		K value = keyOf(cursor);
		return this.descending ? row(this.key, this.id).gt(value, cursor.id())
				: row(this.key, this.id).lt(value, cursor.id());
	}

	SortField<?>[] orderBy(boolean reversed) {
		boolean desc = this.descending != reversed;
		return new SortField<?>[] { desc ? this.key.desc() : this.key.asc(), desc ? this.id.desc() : this.id.asc() };
	}

	Cursor cursorOf(Record record) {
		return new Cursor(this.name, record.get(this.id), this.format.apply(record.get(this.key)));
	}

	/** Checks that a decoded cursor's key reads back; {@code field} names where it came from. */
	Cursor readable(Cursor cursor, String field) {
		try {
			this.parse.apply(cursor.key());
			return cursor;
		}
		catch (RuntimeException ex) {
			throw ApiException.invalid(field, "is not a cursor this server issued");
		}
	}

	private K keyOf(Cursor cursor) {
		return this.parse.apply(cursor.key());
	}

}
