package org.convene.core.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;

import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/**
 * Expands RFC 5545 recurrence rules into occurrence start instants, in the series' time
 * zone (so a weekly 18:00 stays at 18:00 local time across daylight-saving changes).
 *
 * <p>A rule may produce at most {@value #MAX_OCCURRENCES} occurrences. A rule with
 * neither COUNT nor UNTIL produces the occurrences of its first year.
 */
final class Recurrences {

	static final int MAX_OCCURRENCES = 500;

	private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");

	private Recurrences() {
	}

	/** The rule as stored: without an "RRULE:" prefix, upper case. */
	static String normalise(String rule) {
		String value = rule.strip();
		if (value.regionMatches(true, 0, "RRULE:", 0, 6)) {
			value = value.substring(6);
		}
		return value.toUpperCase(Locale.ROOT);
	}

	/**
	 * The start instants the rule produces from the first start, exception dates not yet
	 * removed.
	 * @throws ApiException when the rule is invalid, not aligned with the first start, or
	 * produces too many occurrences
	 */
	static List<Instant> expand(String rule, Instant firstStart, ZoneId zone) {
		Recur<ZonedDateTime> recur = parse(rule);
		ZonedDateTime seed = firstStart.atZone(zone);
		boolean bounded = recur.getCount() > 0 || recur.getUntil() != null;
		ZonedDateTime horizon = bounded ? seed.plusYears(200) : seed.plusYears(1).minusNanos(1);
		List<ZonedDateTime> dates;
		try {
			dates = recur.getDates(seed, seed, horizon, MAX_OCCURRENCES + 1);
		}
		catch (RuntimeException ex) {
			throw invalid("cannot be expanded: " + ex.getMessage());
		}
		if (dates.isEmpty() || !dates.get(0).toInstant().equals(firstStart)) {
			throw ApiException.invalid("startsAt",
					"must be the first occurrence the recurrence rule produces (RFC 5545 DTSTART)");
		}
		if (dates.size() > MAX_OCCURRENCES) {
			if (bounded) {
				throw invalid("produces more than " + MAX_OCCURRENCES + " occurrences; lower COUNT or UNTIL");
			}
			dates = dates.subList(0, MAX_OCCURRENCES);
		}
		List<Instant> starts = new ArrayList<>(dates.size());
		dates.forEach(date -> starts.add(date.toInstant()));
		return starts;
	}

	/** Removes the exception dates, each of which must be a start the rule produces. */
	static List<Instant> withoutExdates(List<Instant> starts, List<Instant> exdates) {
		List<FieldViolation> violations = new ArrayList<>();
		for (int i = 0; i < exdates.size(); i++) {
			if (!starts.contains(exdates.get(i))) {
				violations.add(new FieldViolation("recurrence.exdates[" + i + "]",
						"is not the start of an occurrence of the rule"));
			}
		}
		if (!violations.isEmpty()) {
			throw new ApiException(org.convene.grpc.ApiError.validation(violations));
		}
		List<Instant> remaining = new ArrayList<>(starts);
		remaining.removeAll(exdates);
		if (remaining.isEmpty()) {
			throw ApiException.invalid("recurrence.exdates", "leave at least one occurrence");
		}
		return remaining;
	}

	private static Recur<ZonedDateTime> parse(String rule) {
		Recur<ZonedDateTime> recur;
		try {
			recur = new Recur<>(rule);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw invalid("is not a valid RFC 5545 RRULE: " + ex.getMessage());
		}
		if (recur.getFrequency() == null || !FREQUENCIES.contains(recur.getFrequency().name())) {
			throw invalid("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
		}
		if (rule.contains("COUNT=") && (recur.getCount() < 1 || recur.getCount() > MAX_OCCURRENCES)) {
			throw invalid("COUNT must be between 1 and " + MAX_OCCURRENCES);
		}
		return recur;
	}

	private static ApiException invalid(String description) {
		return ApiException.invalid("recurrence.rule", description);
	}

}
