package org.convene.core.registration;

import java.util.List;
import java.util.regex.Pattern;

import org.convene.grpc.FieldViolation;

/** The rules of an attendee's name and e-mail address. */
final class Attendees {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private Attendees() {
	}

	static void check(String name, String email, List<FieldViolation> violations) {
		if (name.isEmpty() || name.length() > 200) {
			violations.add(new FieldViolation("attendee.name", "is required, 1 to 200 characters"));
		}
		if (email.length() < 3 || email.length() > 254 || !EMAIL.matcher(email).matches()) {
			violations.add(new FieldViolation("attendee.email", "must be an e-mail address of at most 254 characters"));
		}
	}

}
