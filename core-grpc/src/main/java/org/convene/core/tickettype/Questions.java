package org.convene.core.tickettype;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.jooq.JSONB;

import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.Question;
import org.convene.registration.v1.proto.QuestionKind;
import org.convene.registration.v1.proto.TicketTypeDraft;

/** The questions of a ticket type: their rules, and their stored form (a JSON array). */
final class Questions {

	static final int MAX_QUESTIONS = 50;

	static final int MAX_OPTIONS = 50;

	private static final Pattern KEY = Pattern.compile("[a-z0-9_]{1,40}");

	private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

	private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

	private Questions() {
	}

	static void check(List<Question> questions, List<FieldViolation> violations) {
		if (questions.size() > MAX_QUESTIONS) {
			violations.add(new FieldViolation("questions", "at most " + MAX_QUESTIONS + " questions"));
		}
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < questions.size(); i++) {
			Question question = questions.get(i);
			String at = "questions[" + i + "]";
			if (!KEY.matcher(question.getKey()).matches()) {
				violations.add(new FieldViolation(at + ".key", "must be 1 to 40 lower-case letters, digits and '_'"));
			}
			else if (!keys.add(question.getKey())) {
				violations.add(new FieldViolation(at + ".key", "'" + question.getKey() + "' is asked twice"));
			}
			if (question.getLabel().isBlank() || question.getLabel().length() > 200) {
				violations.add(new FieldViolation(at + ".label", "is required, 1 to 200 characters"));
			}
			if (question.getKind() == QuestionKind.QUESTION_KIND_UNSPECIFIED || question.getKind() == QuestionKind.UNRECOGNIZED) {
				violations.add(new FieldViolation(at + ".kind", "must be TEXT, CHOICE or YES_NO"));
			}
			checkOptions(question, at, violations);
		}
	}

	private static void checkOptions(Question question, String at, List<FieldViolation> violations) {
		List<String> options = question.getOptionsList();
		if (question.getKind() != QuestionKind.CHOICE) {
			if (!options.isEmpty()) {
				violations.add(new FieldViolation(at + ".options", "only CHOICE questions have options"));
			}
			return;
		}
		if (options.isEmpty() || options.size() > MAX_OPTIONS) {
			violations.add(new FieldViolation(at + ".options", "a CHOICE question has 1 to " + MAX_OPTIONS + " options"));
		}
		if (options.stream().anyMatch(option -> option.isBlank() || option.length() > 200)) {
			violations.add(new FieldViolation(at + ".options", "each option is 1 to 200 characters"));
		}
		if (new HashSet<>(options).size() != options.size()) {
			violations.add(new FieldViolation(at + ".options", "options must differ from each other"));
		}
	}

	/** Trims what people type; keys and options are compared exactly afterwards. */
	static List<Question> normalised(List<Question> questions) {
		return questions.stream()
			.map(question -> question.toBuilder()
				.setKey(question.getKey().strip())
				.setLabel(question.getLabel().strip())
				.clearOptions()
				.addAllOptions(question.getOptionsList().stream().map(String::strip).toList())
				.build())
			.toList();
	}

	static JSONB json(List<Question> questions) {
		return JSONB.valueOf(questions.stream().map(Questions::print).collect(Collectors.joining(",", "[", "]")));
	}

	static List<Question> parse(JSONB json) {
		TicketTypeDraft.Builder holder = TicketTypeDraft.newBuilder();
		try {
			PARSER.merge("{\"questions\":" + json.data() + "}", holder);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Stored questions are not valid: " + json.data(), ex);
		}
		return holder.getQuestionsList();
	}

	private static String print(Question question) {
		try {
			return JSON.print(question);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
