package org.convene.core.tickettype;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.FieldMask;

import org.convene.core.grpc.UpdateMasks;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.TicketTypeDraft;
import org.convene.registration.v1.proto.TicketTypeVisibility;
import org.convene.schema.core.tables.records.TicketTypeRecord;

/**
 * Copies the writable fields of a {@link TicketTypeDraft} onto a ticket type row (all on
 * create, the masked ones on update) and checks the rules every stored ticket type keeps.
 */
final class TicketTypeDrafts {

	static final Set<String> FIELDS = Set.of("name", "description", "price", "quantity", "sales_start", "sales_end",
			"max_per_order", "max_per_user", "visibility", "questions", "position");

	static final int MAX_QUANTITY = 1_000_000;

	static final int DEFAULT_MAX_PER_ORDER = 10;

	/** ISO 4217's code for "no currency", booked with free tickets that name none. */
	static final String NO_CURRENCY = "XXX";

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toSet());

	private TicketTypeDrafts() {
	}

	/** The fields an update mask names, in snake_case; unknown names are violations. */
	static Set<String> paths(FieldMask mask, List<FieldViolation> violations) {
		return UpdateMasks.paths(mask, FIELDS, "a ticket type", violations);
	}

	static void apply(TicketTypeDraft draft, Set<String> paths, TicketTypeRecord row, List<FieldViolation> violations) {
		for (String path : paths) {
			switch (path) {
				case "name" -> row.setName(draft.getName().strip());
				case "description" -> row.setDescription(draft.getDescription().strip());
				case "price" -> price(draft.getPrice(), row, violations);
				case "quantity" -> row.setQuantity(draft.hasQuantity() ? draft.getQuantity() : null);
				case "sales_start" -> row.setSalesStart(draft.hasSalesStart() ? stored(draft.getSalesStart()) : null);
				case "sales_end" -> row.setSalesEnd(draft.hasSalesEnd() ? stored(draft.getSalesEnd()) : null);
				case "max_per_order" -> row.setMaxPerOrder(draft.getMaxPerOrder() == 0 ? DEFAULT_MAX_PER_ORDER : draft.getMaxPerOrder());
				case "max_per_user" -> row.setMaxPerUser(draft.getMaxPerUser());
				case "visibility" -> row.setVisibility(visibility(draft.getVisibility(), violations));
				case "questions" -> questions(draft, row, violations);
				case "position" -> row.setPosition(draft.getPosition());
				default -> throw new IllegalArgumentException(path);
			}
		}
	}

	/** The rules of the whole row, after the draft was applied. */
	static void check(TicketTypeRecord row, List<FieldViolation> violations) {
		if (row.getName() == null || row.getName().isEmpty() || row.getName().length() > 100) {
			violations.add(new FieldViolation("name", "is required, 1 to 100 characters"));
		}
		if (row.getDescription() != null && row.getDescription().length() > 2000) {
			violations.add(new FieldViolation("description", "must be at most 2000 characters"));
		}
		if (row.getQuantity() != null && (row.getQuantity() < 0 || row.getQuantity() > MAX_QUANTITY)) {
			violations.add(new FieldViolation("quantity", "must be between 0 and " + MAX_QUANTITY + ", or absent for no limit of its own"));
		}
		if (row.getSalesStart() != null && row.getSalesEnd() != null && !row.getSalesEnd().isAfter(row.getSalesStart())) {
			violations.add(new FieldViolation("salesEnd", "must be after salesStart"));
		}
		if (row.getMaxPerOrder() < 1 || row.getMaxPerOrder() > 100) {
			violations.add(new FieldViolation("maxPerOrder", "must be between 1 and 100"));
		}
		if (row.getMaxPerUser() < 0 || row.getMaxPerUser() > 1000) {
			violations.add(new FieldViolation("maxPerUser", "must be between 0 (no limit) and 1000"));
		}
	}

	private static void price(Money price, TicketTypeRecord row, List<FieldViolation> violations) {
		row.setPriceAmount(price.getAmount());
		if (price.getAmount() < 0) {
			violations.add(new FieldViolation("price.amount", "must not be negative"));
		}
		String currency = price.getCurrency().strip();
		if (currency.isEmpty() && price.getAmount() == 0) {
			row.setCurrency(NO_CURRENCY);
		}
		else if (!CURRENCIES.contains(currency)) {
			violations.add(new FieldViolation("price.currency", "must be an ISO 4217 code such as EUR"));
		}
		else {
			row.setCurrency(currency);
		}
	}

	private static void questions(TicketTypeDraft draft, TicketTypeRecord row, List<FieldViolation> violations) {
		var questions = Questions.normalised(draft.getQuestionsList());
		Questions.check(questions, violations);
		row.setQuestions(Questions.json(questions));
	}

	private static String visibility(TicketTypeVisibility visibility, List<FieldViolation> violations) {
		return switch (visibility) {
			case TICKET_TYPE_VISIBILITY_UNSPECIFIED, PUBLIC -> TicketTypeVisibility.PUBLIC.name();
			case HIDDEN -> TicketTypeVisibility.HIDDEN.name();
			case UNRECOGNIZED -> {
				violations.add(new FieldViolation("visibility", "must be PUBLIC or HIDDEN"));
				yield TicketTypeVisibility.PUBLIC.name();
			}
		};
	}

	private static Instant stored(com.google.protobuf.Timestamp timestamp) {
		return ProtoTime.toInstant(timestamp).truncatedTo(ChronoUnit.MICROS);
	}

}
