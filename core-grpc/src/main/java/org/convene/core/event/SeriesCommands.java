package org.convene.core.event;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.core.grpc.RequestIds;
import org.convene.core.grpc.Versions;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.Recurrence;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.EventRecord;

/**
 * Series and their occurrences: generating occurrences from the recurrence rule, changing
 * the rule, and changes that apply to an occurrence and the ones after it. Runs inside
 * the transactions of {@link EventCommands}.
 */
@Component
class SeriesCommands {

	/** The cancellation reason of occurrences a rule change removed; they return if the rule brings them back. */
	static final String REMOVED_FROM_SERIES = "Removed from the series by a change of its recurrence";

	private final EventRepository events;

	private final EventChanges changes;

	private final EventConstraints constraints;

	SeriesCommands(EventRepository events, EventChanges changes, EventConstraints constraints) {
		this.events = events;
		this.changes = changes;
		this.constraints = constraints;
	}

	/** Stores a validated new event as a series and generates its occurrences. */
	Event create(EventRecord series, Recurrence recurrence) {
		series.setKind(EventKind.SERIES.name());
		List<Instant> starts = applyRecurrence(series, recurrence);
		Event created = this.changes.created(series);
		for (Instant start : starts) {
			this.changes.created(occurrence(series, start));
		}
		return created;
	}

	Event updateRecurrence(UpdateRecurrenceRequest request) {
		EventRecord series = this.events.lock(RequestIds.uuid(request.getId(), "id"));
		if (!EventKind.SERIES.name().equals(series.getKind())) {
			throw ApiException.invalid("id", "is not a series");
		}
		Versions.check("event", request.getExpectedVersion(), series.getVersion());
		EventRules.requireOpen(series, "changed");
		Set<Instant> starts = new HashSet<>(applyRecurrence(series, request.getRecurrence()));
		Map<Instant, EventRecord> existing = new HashMap<>();
		for (EventRecord occurrence : this.events.lockAllOccurrences(series.getId())) {
			existing.put(occurrence.getOriginalStartsAt(), occurrence);
			boolean wanted = starts.contains(occurrence.getOriginalStartsAt());
			boolean open = List.of("DRAFT", "PUBLISHED").contains(occurrence.getStatus());
			if (!wanted && open) {
				this.changes.cancel(occurrence, REMOVED_FROM_SERIES);
			}
			else if (wanted && REMOVED_FROM_SERIES.equals(occurrence.getCancellationReason())) {
				reinstate(occurrence, series.getStatus());
			}
		}
		for (Instant start : starts.stream().sorted().toList()) {
			if (!existing.containsKey(start)) {
				this.changes.created(occurrence(series, start));
			}
		}
		return this.changes.updated(series);
	}

	/** Applies a change to a series and its occurrences, or to an occurrence and the later ones. */
	Event updateFollowing(EventRecord addressed, EventDraft draft, Set<String> paths) {
		List<FieldViolation> violations = new ArrayList<>();
		boolean isSeries = EventKind.SERIES.name().equals(addressed.getKind());
		if (isSeries) {
			refuseTimeChange(paths);
		}
		Instant oldStart = addressed.getStartsAt();
		EventDrafts.apply(draft, paths, addressed, violations);
		this.constraints.check(addressed, violations);
		EventRules.throwIfAny(violations);
		Duration shift = Duration.between(oldStart, addressed.getStartsAt());
		Duration length = Duration.between(addressed.getStartsAt(), addressed.getEndsAt());
		boolean timesChanged = paths.contains("starts_at") || paths.contains("ends_at");
		Set<String> otherPaths = new HashSet<>(paths);
		otherPaths.removeAll(List.of("starts_at", "ends_at"));
		List<EventRecord> following = isSeries
				? this.events.lockOpenOccurrences(addressed.getId(), Instant.EPOCH).stream().filter(o -> !o.getDetached()).toList()
				: this.events.lockOpenOccurrences(addressed.getSeriesId(), addressed.getOriginalStartsAt());
		Event result = this.changes.updated(addressed);
		for (EventRecord occurrence : following) {
			if (occurrence.getId().equals(addressed.getId())) {
				continue;
			}
			EventDrafts.apply(draft, otherPaths, occurrence, violations);
			if (timesChanged) {
				occurrence.setStartsAt(occurrence.getStartsAt().plus(shift));
				occurrence.setEndsAt(occurrence.getStartsAt().plus(length));
			}
			this.constraints.check(occurrence, violations);
			EventRules.throwIfAny(violations);
			this.changes.updated(occurrence);
		}
		return result;
	}

	void publishOccurrences(EventRecord series) {
		for (EventRecord occurrence : this.events.lockOpenOccurrences(series.getId(), Instant.EPOCH)) {
			if ("DRAFT".equals(occurrence.getStatus()) && occurrence.getVenue() != null) {
				this.changes.publish(occurrence);
			}
		}
	}

	void cancelOccurrences(EventRecord series, String reason) {
		Instant now = EventRecords.now();
		for (EventRecord occurrence : this.events.lockOpenOccurrences(series.getId(), Instant.EPOCH)) {
			if (occurrence.getEndsAt().isAfter(now)) {
				this.changes.cancel(occurrence, reason);
			}
		}
	}

	/** A series' times come from its rule; they change through its occurrences or the rule. */
	static void refuseTimeChange(Set<String> paths) {
		for (String path : EventDrafts.TIME_FIELDS) {
			if (paths.contains(path)) {
				throw ApiException.invalid(path.equals("starts_at") ? "startsAt" : path.equals("ends_at") ? "endsAt" : "timeZone",
						"the times of a series come from its recurrence: change them with UpdateRecurrence, "
								+ "or on an occurrence with scope THIS_AND_FOLLOWING");
			}
		}
	}

	private List<Instant> applyRecurrence(EventRecord series, Recurrence recurrence) {
		String rule = Recurrences.normalise(recurrence.getRule());
		List<Instant> exdates = recurrence.getExdatesList().stream().map(ProtoTime::toInstant).toList();
		List<Instant> starts = Recurrences.withoutExdates(
				Recurrences.expand(rule, series.getStartsAt(), ZoneId.of(series.getTimeZone())), exdates);
		series.setRecurrenceRule(rule);
		series.setRecurrenceExdates(exdates.stream().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).toArray(OffsetDateTime[]::new));
		return starts;
	}

	private EventRecord occurrence(EventRecord series, Instant start) {
		EventRecord occurrence = this.events.newRecord();
		occurrence.setId(UUID.randomUUID());
		occurrence.setKind(EventKind.OCCURRENCE.name());
		occurrence.setSeriesId(series.getId());
		occurrence.setOriginalStartsAt(start);
		occurrence.setStartsAt(start);
		occurrence.setEndsAt(start.plus(Duration.between(series.getStartsAt(), series.getEndsAt())));
		occurrence.setTitle(series.getTitle());
		occurrence.setDescription(series.getDescription());
		occurrence.setTimeZone(series.getTimeZone());
		occurrence.setVenue(series.getVenue());
		occurrence.setCapacity(series.getCapacity());
		occurrence.setTags(series.getTags());
		occurrence.setOrganizerId(series.getOrganizerId());
		occurrence.setVisibility(series.getVisibility());
		occurrence.setStatus("PUBLISHED".equals(series.getStatus()) && series.getVenue() != null ? "PUBLISHED" : "DRAFT");
		if ("PUBLISHED".equals(occurrence.getStatus())) {
			occurrence.setPublishedAt(EventRecords.now());
		}
		return occurrence;
	}

	private void reinstate(EventRecord occurrence, String seriesStatus) {
		occurrence.setStatus(seriesStatus);
		occurrence.setPublishedAt("PUBLISHED".equals(seriesStatus) ? EventRecords.now() : null);
		occurrence.setCancellationReason(null);
		occurrence.setCancelledAt(null);
		this.changes.updated(occurrence);
	}

}
