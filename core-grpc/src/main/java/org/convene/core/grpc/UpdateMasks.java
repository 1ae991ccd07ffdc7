package org.convene.core.grpc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.protobuf.FieldMask;

import org.convene.grpc.FieldViolation;

/** Reads the fields an update names. */
public final class UpdateMasks {

	private UpdateMasks() {
	}

	/**
	 * The fields the mask names, in snake_case (camelCase is accepted too); a name that is not
	 * among {@code writable}, and an empty mask, are violations.
	 * @param resource how the violation names the resource, e.g. "an event"
	 */
	public static Set<String> paths(FieldMask mask, Set<String> writable, String resource, List<FieldViolation> violations) {
		Set<String> paths = new LinkedHashSet<>();
		for (String path : mask.getPathsList()) {
			String snake = path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
			if (writable.contains(snake)) {
				paths.add(snake);
			}
			else {
				violations.add(new FieldViolation("updateMask", "'" + path + "' is not a writable field of " + resource));
			}
		}
		if (mask.getPathsCount() == 0) {
			violations.add(new FieldViolation("updateMask", "name at least one field to change"));
		}
		return paths;
	}

}
