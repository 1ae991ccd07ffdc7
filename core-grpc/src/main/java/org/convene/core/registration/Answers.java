package org.convene.core.registration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.Question;

/** Checks an attendee's answers against the questions of their ticket type. */
final class Answers {

	static final int MAX_TEXT = 1000;

	private Answers() {
	}

	/** The answers to keep (trimmed, blank optional ones left out); what is wrong becomes violations. */
	static Map<String, String> check(List<Question> questions, Map<String, String> given, List<FieldViolation> violations) {
		Set<String> keys = questions.stream().map(Question::getKey).collect(Collectors.toSet());
		given.keySet().stream().filter(key -> !keys.contains(key)).sorted()
			.forEach(key -> violations.add(new FieldViolation("answers." + key, "is not a question of this ticket type")));
		Map<String, String> answers = new TreeMap<>();
		for (Question question : questions) {
			String field = "answers." + question.getKey();
			String value = given.getOrDefault(question.getKey(), "").strip();
			if (value.isEmpty()) {
				if (question.getRequired()) {
					violations.add(new FieldViolation(field, "is required: " + question.getLabel()));
				}
				continue;
			}
			switch (question.getKind()) {
				case CHOICE -> {
					if (!question.getOptionsList().contains(value)) {
						violations.add(new FieldViolation(field, "must be one of " + String.join(", ", question.getOptionsList())));
					}
				}
				case YES_NO -> {
					if (!value.equals("true") && !value.equals("false")) {
						violations.add(new FieldViolation(field, "must be \"true\" or \"false\""));
					}
				}
				default -> {
					if (value.length() > MAX_TEXT) {
						violations.add(new FieldViolation(field, "must be at most " + MAX_TEXT + " characters"));
					}
				}
			}
			answers.put(question.getKey(), value);
		}
		return answers;
	}

}
