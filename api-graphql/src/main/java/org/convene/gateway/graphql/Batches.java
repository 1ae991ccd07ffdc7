package org.convene.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Helpers for {@code @BatchMapping}s: one batch gRPC call for the related data of a whole list. */
public final class Batches {

	private Batches() {
	}

	/** The distinct non-null keys of the sources, for one batch request. */
	public static <S> List<String> keys(List<S> sources, Function<S, String> key) {
		return sources.stream().map(key).filter(Objects::nonNull).distinct().toList();
	}

	/** Each source with the value its key finds; sources whose key finds none are left out (null in GraphQL). */
	public static <S, V> Map<S, V> byKey(List<S> sources, Function<S, String> key, Map<String, V> values) {
		Map<S, V> result = new LinkedHashMap<>();
		for (S source : sources) {
			V value = values.get(key.apply(source));
			if (value != null) {
				result.put(source, value);
			}
		}
		return result;
	}

}
