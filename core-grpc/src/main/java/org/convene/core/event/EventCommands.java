package org.convene.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.grpc.RequestContext;
import org.convene.core.grpc.RequestIds;
import org.convene.core.grpc.Versions;
import org.convene.core.v1.proto.CancelEventRequest;
import org.convene.core.v1.proto.CreateEventRequest;
import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.EventKind;
import org.convene.core.v1.proto.PublishEventRequest;
import org.convene.core.v1.proto.UpdateEventRequest;
import org.convene.core.v1.proto.UpdateRecurrenceRequest;
import org.convene.core.v1.proto.UpdateScope;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.EventRecord;

/** Creates, changes, publishes and cancels events. */
@Service
@Transactional
class EventCommands {

	private final EventRepository events;

	private final EventChanges changes;

	private final SeriesCommands series;

	private final EventConstraints constraints;

	private final ApplicationEventPublisher publisher;

	EventCommands(EventRepository events, EventChanges changes, SeriesCommands series, EventConstraints constraints,
			ApplicationEventPublisher publisher) {
		this.events = events;
		this.changes = changes;
		this.series = series;
		this.constraints = constraints;
		this.publisher = publisher;
	}

	Event create(CreateEventRequest request) {
		Caller caller = RequestContext.current().caller();
		EventAccess.requireCreate(caller);
		List<FieldViolation> violations = new ArrayList<>();
		EventRecord event = this.events.newRecord();
		event.setId(UUID.randomUUID());
		event.setKind(EventKind.STANDALONE.name());
		event.setStatus("DRAFT");
		EventDrafts.apply(request.getEvent(), EventDrafts.FIELDS, event, violations);
		UUID parentId = EventDrafts.uuid(request.getParentId(), "parentId", violations);
		boolean recurring = request.hasRecurrence() && !request.getRecurrence().getRule().isBlank();
		if (parentId != null && recurring) {
			violations.add(new FieldViolation("recurrence", "a sub-event cannot be a series"));
		}
		if (parentId != null) {
			EventRecord parent = EventAccess.requireChange(caller, this.events.get(parentId));
			attachToParent(event, parent, violations);
		}
		if (event.getOrganizerId() == null) {
			event.setOrganizerId(caller.userId());
		}
		EventAccess.checkOrganizer(caller, event.getOrganizerId());
		this.constraints.check(event, violations);
		EventRules.throwIfAny(violations);
		if (recurring) {
			return this.series.create(event, request.getRecurrence());
		}
		return this.changes.created(event);
	}

	Event update(UpdateEventRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> paths = EventDrafts.paths(request.getUpdateMask(), violations);
		EventRules.throwIfAny(violations);
		Caller caller = RequestContext.current().caller();
		EventRecord event = EventAccess.requireChange(caller, this.events.lock(RequestIds.uuid(request.getId(), "id")));
		Versions.check("event", request.getExpectedVersion(), event.getVersion());
		EventRules.requireOpen(event, "changed");
		if (paths.contains("organizer_id")) {
			EventAccess.checkOrganizer(caller, EventDrafts.uuid(request.getEvent().getOrganizerId(), "organizerId", violations));
		}
		boolean following = request.getScope() == UpdateScope.THIS_AND_FOLLOWING;
		if (following && EventKind.STANDALONE.name().equals(event.getKind())) {
			throw ApiException.invalid("scope", "THIS_AND_FOLLOWING applies to series and their occurrences only");
		}
		if (following) {
			return this.series.updateFollowing(event, request.getEvent(), paths);
		}
		if (EventKind.SERIES.name().equals(event.getKind())) {
			SeriesCommands.refuseTimeChange(paths);
		}
		EventDrafts.apply(request.getEvent(), paths, event, violations);
		this.constraints.check(event, violations);
		EventRules.throwIfAny(violations);
		if (EventKind.OCCURRENCE.name().equals(event.getKind())) {
			event.setDetached(true);
		}
		return this.changes.updated(event);
	}

	Event updateRecurrence(UpdateRecurrenceRequest request) {
		EventAccess.requireChange(RequestContext.current().caller(), this.events.lock(RequestIds.uuid(request.getId(), "id")));
		return this.series.updateRecurrence(request);
	}

	Event publish(PublishEventRequest request) {
		EventRecord event = EventAccess.requireChange(RequestContext.current().caller(), this.events.lock(RequestIds.uuid(request.getId(), "id")));
		Versions.check("event", request.getExpectedVersion(), event.getVersion());
		if (!"DRAFT".equals(event.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "Only a draft event can be published",
					"Event '" + event.getId() + "' is " + event.getStatus(), "status");
		}
		if (event.getVenue() == null) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "An event needs a venue before it is published",
					"Give the event an address, an online location or both", "venue");
		}
		if (event.getParentId() != null && !"PUBLISHED".equals(this.events.get(event.getParentId()).getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "Publish the parent event first",
					"Sub-events are published after their parent event '" + event.getParentId() + "'", "parentId");
		}
		if (event.getSeriesId() != null && !List.of("DRAFT", "PUBLISHED").contains(this.events.get(event.getSeriesId()).getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "The series of this occurrence is no longer open",
					"Series '" + event.getSeriesId() + "' is cancelled or completed", "seriesId");
		}
		Event published = this.changes.publish(event);
		if (EventKind.SERIES.name().equals(event.getKind())) {
			this.series.publishOccurrences(event);
		}
		return published;
	}

	Event cancel(CancelEventRequest request) {
		String reason = request.getReason().strip();
		if (reason.isEmpty() || reason.length() > 500) {
			throw ApiException.invalid("reason", "is required, 1 to 500 characters");
		}
		EventRecord event = EventAccess.requireChange(RequestContext.current().caller(), this.events.lock(RequestIds.uuid(request.getId(), "id")));
		Versions.check("event", request.getExpectedVersion(), event.getVersion());
		EventRules.requireOpen(event, "cancelled");
		Event cancelled = this.changes.cancel(event, reason);
		if (EventKind.SERIES.name().equals(event.getKind())) {
			this.series.cancelOccurrences(event, reason);
		}
		return cancelled;
	}

	private void attachToParent(EventRecord event, EventRecord parent, List<FieldViolation> violations) {
		if (EventKind.SERIES.name().equals(parent.getKind()) || parent.getParentId() != null) {
			violations.add(new FieldViolation("parentId", "must be an event or occurrence that is not itself a sub-event or a series"));
			return;
		}
		if (!List.of("DRAFT", "PUBLISHED").contains(parent.getStatus())) {
			violations.add(new FieldViolation("parentId", "the parent event is " + parent.getStatus().toLowerCase()));
			return;
		}
		event.setParentId(parent.getId());
		if (event.getOrganizerId() == null) {
			event.setOrganizerId(parent.getOrganizerId());
		}
	}

}
