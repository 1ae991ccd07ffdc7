package org.convene.core.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.convene.grpc.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecurrencesTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Tuesday 2026-10-13, 18:00 in Berlin (CEST); clocks go back on Sunday 2026-10-25. */
	private static final Instant AUTUMN = Instant.parse("2026-10-13T16:00:00Z");

	/** Tuesday 2027-03-23, 18:00 in Berlin (CET); clocks go forward on Sunday 2027-03-28. */
	private static final Instant SPRING = Instant.parse("2027-03-23T17:00:00Z");

	private static String targetOf(Runnable call) {
		ApiException failure = catchThrowableOfType(ApiException.class, call::run);
		assertThat(failure).as("refusal").isNotNull();
		return failure.error().target();
	}

	@Nested
	class Expansion {

		@Test
		void producesCountStartsOneIntervalApart() {
			List<Instant> starts = Recurrences.expand("FREQ=DAILY;INTERVAL=2;COUNT=3", AUTUMN, ZoneOffset.UTC);

			assertThat(starts).containsExactly(AUTUMN, AUTUMN.plus(Duration.ofDays(2)), AUTUMN.plus(Duration.ofDays(4)));
		}

		@Test
		void keepsTheLocalTimeWhenSummerTimeEnds() {
			List<Instant> starts = Recurrences.expand("FREQ=WEEKLY;COUNT=4", AUTUMN, BERLIN);

			assertThat(starts).containsExactly(Instant.parse("2026-10-13T16:00:00Z"), Instant.parse("2026-10-20T16:00:00Z"),
					Instant.parse("2026-10-27T17:00:00Z"), Instant.parse("2026-11-03T17:00:00Z"));
		}

		@Test
		void keepsTheLocalTimeWhenSummerTimeBegins() {
			List<Instant> starts = Recurrences.expand("FREQ=WEEKLY;COUNT=2", SPRING, BERLIN);

			assertThat(starts).containsExactly(Instant.parse("2027-03-23T17:00:00Z"), Instant.parse("2027-03-30T16:00:00Z"));
		}

		@Test
		void keepsTheSameInstantsInAZoneWithoutDaylightSaving() {
			List<Instant> starts = Recurrences.expand("FREQ=WEEKLY;COUNT=4", AUTUMN, ZoneOffset.UTC);

			assertThat(starts).containsExactly(AUTUMN, AUTUMN.plus(Duration.ofDays(7)), AUTUMN.plus(Duration.ofDays(14)),
					AUTUMN.plus(Duration.ofDays(21)));
		}

		@Test
		void includesTheUntilInstant() {
			List<Instant> starts = Recurrences.expand("FREQ=WEEKLY;UNTIL=20261027T170000Z", AUTUMN, BERLIN);

			assertThat(starts).containsExactly(Instant.parse("2026-10-13T16:00:00Z"), Instant.parse("2026-10-20T16:00:00Z"),
					Instant.parse("2026-10-27T17:00:00Z"));
		}

		@Test
		void producesTheFirstYearOfARuleWithoutCountOrUntil() {
			List<Instant> starts = Recurrences.expand("FREQ=MONTHLY", AUTUMN, BERLIN);

			Instant oneYearLater = AUTUMN.atZone(BERLIN).plusYears(1).toInstant();
			assertThat(starts).hasSize(12).allSatisfy(start -> assertThat(start).isBefore(oneYearLater));
		}

		@Test
		void stopsARuleWithoutCountOrUntilAtTheMaximumNumberOfOccurrences() {
			Instant nineInTheMorning = Instant.parse("2026-10-13T07:00:00Z");

			List<Instant> starts = Recurrences.expand("FREQ=DAILY;BYHOUR=9,21", nineInTheMorning, BERLIN);

			assertThat(starts).hasSize(Recurrences.MAX_OCCURRENCES).startsWith(nineInTheMorning);
		}

		@Test
		void acceptsACountOfExactlyTheMaximum() {
			List<Instant> starts = Recurrences.expand("FREQ=DAILY;COUNT=500", AUTUMN, BERLIN);

			assertThat(starts).hasSize(500).doesNotHaveDuplicates().isSorted();
		}

	}

	@Nested
	class Normalisation {

		@Test
		void stripsTheRrulePrefixAndSurroundingSpaceAndUpperCases() {
			assertThat(Recurrences.normalise("  rrule:freq=weekly;byday=tu;count=4 ")).isEqualTo("FREQ=WEEKLY;BYDAY=TU;COUNT=4");
			assertThat(Recurrences.normalise("RRULE:FREQ=DAILY")).isEqualTo("FREQ=DAILY");
		}

		@Test
		void leavesARuleWithoutPrefixAsItIs() {
			assertThat(Recurrences.normalise("FREQ=MONTHLY;BYMONTHDAY=1")).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=1");
		}

	}

	@Nested
	class Refusals {

		@Test
		void refusesACountAboveTheMaximum() {
			String target = targetOf(() -> Recurrences.expand("FREQ=DAILY;COUNT=501", AUTUMN, BERLIN));

			assertThat(target).isEqualTo("recurrence.rule");
		}

		@Test
		void refusesAnUntilThatProducesMoreThanTheMaximum() {
			String target = targetOf(() -> Recurrences.expand("FREQ=DAILY;UNTIL=20301013T160000Z", AUTUMN, BERLIN));

			assertThat(target).isEqualTo("recurrence.rule");
		}

		@ParameterizedTest
		@ValueSource(strings = { "FREQ=HOURLY;COUNT=3", "FREQ=MINUTELY;COUNT=3", "FREQ=SECONDLY;COUNT=3" })
		void refusesFrequenciesBelowADay(String rule) {
			String target = targetOf(() -> Recurrences.expand(rule, AUTUMN, BERLIN));

			assertThat(target).isEqualTo("recurrence.rule");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "EVERY TUESDAY", "COUNT=4", "FREQ=SOMETIMES", "FREQ=WEEKLY;COUNT=FOUR",
				"FREQ=WEEKLY;BYDAY=XX" })
		void refusesWhatIsNotAValidRule(String rule) {
			String target = targetOf(() -> Recurrences.expand(rule, AUTUMN, BERLIN));

			assertThat(target).isEqualTo("recurrence.rule");
		}

		@Test
		void refusesAFirstStartTheRuleDoesNotProduce() {
			String target = targetOf(() -> Recurrences.expand("FREQ=WEEKLY;BYDAY=MO;COUNT=3", AUTUMN, BERLIN));

			assertThat(target).isEqualTo("startsAt");
		}

	}

	@Nested
	class ExceptionDates {

		private final List<Instant> starts = List.of(AUTUMN, AUTUMN.plus(Duration.ofDays(7)),
				AUTUMN.plus(Duration.ofDays(14)));

		@Test
		void removesTheExceptionDatesFromTheStarts() {
			List<Instant> remaining = Recurrences.withoutExdates(this.starts, List.of(this.starts.get(1)));

			assertThat(remaining).containsExactly(this.starts.get(0), this.starts.get(2));
		}

		@Test
		void namesTheExceptionDateThatIsNotAStart() {
			String target = targetOf(() -> Recurrences.withoutExdates(this.starts,
					List.of(this.starts.get(0), this.starts.get(1).plusSeconds(60))));

			assertThat(target).isEqualTo("recurrence.exdates[1]");
		}

		@Test
		void refusesToRemoveEveryOccurrence() {
			String target = targetOf(() -> Recurrences.withoutExdates(this.starts, this.starts));

			assertThat(target).isEqualTo("recurrence.exdates");
		}

	}

}
