package org.convene.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;

import org.springframework.stereotype.Component;

import org.convene.schema.core.tables.records.EventRecord;

/**
 * A series as iCalendar models it: one VEVENT with the series' RRULE and EXDATE, plus a VEVENT
 * with the same UID and a RECURRENCE-ID for each occurrence that no longer looks as the rule
 * makes it (moved, changed alone or with the ones after it, cancelled). An occurrence the
 * reader may not see is excluded like a removed one.
 *
 * <p>Convene generates the occurrences of a rule without COUNT or UNTIL for its first year
 * only (see the event package's Recurrences), so such a rule is written with an UNTIL at the
 * last generated start; otherwise calendar apps would show occurrences that do not exist.
 */
@Component
class SeriesVevents {

	/** As many occurrences as Convene generates at most for one series. */
	static final int MAX_OCCURRENCES = 500;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private final Vevents vevents;

	SeriesVevents(Vevents vevents) {
		this.vevents = vevents;
	}

	/** The series' VEVENT first, then its overrides by original start. */
	List<VEvent> series(EventRecord series, List<EventRecord> occurrences, Predicate<EventRecord> visible) {
		String zone = series.getTimeZone();
		Duration length = Duration.between(series.getStartsAt(), series.getEndsAt());
		Recur<ZonedDateTime> recur = new Recur<>(series.getRecurrenceRule());
		List<Instant> starts = starts(recur, series.getStartsAt(), ZoneId.of(zone));
		Set<Instant> inRule = new HashSet<>(starts);
		Details rule = this.vevents.details(series);
		String uid = this.vevents.uid(series.getId());
		List<Instant> excluded = new ArrayList<>();
		for (var exdate : series.getRecurrenceExdates()) {
			excluded.add(exdate.toInstant());
		}
		List<VEvent> overrides = new ArrayList<>();
		for (EventRecord occurrence : occurrences) {
			Instant original = occurrence.getOriginalStartsAt();
			if (!inRule.contains(original) || excluded.contains(original)) {
				continue;
			}
			if (!visible.test(occurrence)) {
				excluded.add(original);
				continue;
			}
			Details details = this.vevents.details(occurrence);
			if (details.equals(rule.at(Zones.at(original, zone), Zones.at(original.plus(length), zone)))) {
				continue;
			}
			VEvent override = this.vevents.vevent(uid, series.getVersion() - 1 + occurrence.getVersion() - 1,
					Vevents.latest(series.getUpdatedAt(), occurrence.getUpdatedAt()), details,
					"/api/v1/events/" + occurrence.getId());
			override.add(new RecurrenceId<>(Zones.at(original, zone)));
			overrides.add(override);
		}
		VEvent master = this.vevents.vevent(uid, series.getVersion() - 1, series.getUpdatedAt(), rule,
				"/api/v1/events/" + series.getId());
		boolean bounded = recur.getCount() > 0 || recur.getUntil() != null;
		master.add(new RRule<ZonedDateTime>(new Recur<>(bounded ? series.getRecurrenceRule()
				: series.getRecurrenceRule() + ";UNTIL=" + UTC.format(starts.get(starts.size() - 1)))));
		if (!excluded.isEmpty()) {
			master.add(exdate(excluded.stream().sorted().toList(), zone));
		}
		List<VEvent> components = new ArrayList<>();
		components.add(master);
		components.addAll(overrides);
		return components;
	}

	/** The starts the rule produces, as the event package generates them. */
	private static List<Instant> starts(Recur<ZonedDateTime> recur, Instant first, ZoneId zone) {
		ZonedDateTime seed = first.atZone(zone);
		boolean bounded = recur.getCount() > 0 || recur.getUntil() != null;
		ZonedDateTime horizon = bounded ? seed.plusYears(200) : seed.plusYears(1).minusNanos(1);
		List<ZonedDateTime> dates = recur.getDates(seed, seed, horizon, MAX_OCCURRENCES);
		return dates.stream().map(ZonedDateTime::toInstant).toList();
	}

	private static ExDate<Temporal> exdate(List<Instant> instants, String zone) {
		DateList<Temporal> dates = new DateList<>(instants.stream().map(instant -> Zones.at(instant, zone)).toList());
		if (Zones.definition(zone) == null) {
			return new ExDate<>(dates);
		}
		return new ExDate<>(new ParameterList(List.of(new TzId(zone))), dates);
	}

}
