package org.convene.core.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record3;

import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestIds;
import org.convene.core.tickettype.TicketTypes;
import org.convene.core.v1.proto.UserStatus;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.CreateRegistrationRequest;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.TicketTypeRecord;

import static org.convene.schema.core.Tables.APP_USER;

/**
 * Checks a registration request and turns it into an {@link Applicant}: who attends, for
 * which visible ticket type of which published event, within its sales window, with valid
 * answers. Everything but the seat and the per-user limit is decided here, on the caller's
 * thread and outside any transaction, so the seat-taking batch does only what needs its
 * locks. One instance serves one call and remembers what it read.
 */
@Component
class Applications {

	private static final String ACTIVE = UserStatus.ACTIVE.name();

	private final DSLContext db;

	private final Events events;

	private final TicketTypes ticketTypes;

	Applications(DSLContext db, Events events, TicketTypes ticketTypes) {
		this.db = db;
		this.events = events;
		this.ticketTypes = ticketTypes;
	}

	/** Reads for one call: several items of a batch usually share their event and ticket type. */
	Reader reader(Caller caller) {
		return new Reader(caller);
	}

	final class Reader {

		private final Caller caller;

		private final Map<UUID, EventRecord> events = new HashMap<>();

		private final Map<UUID, TicketTypeRecord> ticketTypes = new HashMap<>();

		private final Map<UUID, Record3<String, String, String>> profiles = new HashMap<>();

		private Reader(Caller caller) {
			this.caller = caller;
		}

		EventRecord event(String id) {
			return this.events.computeIfAbsent(uuid(id, "eventId"),
					eventId -> Applications.this.events.visible(this.caller, eventId, "eventId"));
		}

		TicketTypeRecord ticketType(EventRecord event, String id) {
			return this.ticketTypes.computeIfAbsent(uuid(id, "ticketTypeId"),
					ticketTypeId -> Applications.this.ticketTypes.visible(this.caller, event, ticketTypeId, "ticketTypeId"));
		}

		/** Display name and e-mail address of a user, or {@code null} when there is no such user. */
		/** Name, e-mail and status of a user account. */
		Record3<String, String, String> profile(UUID userId) {
			return this.profiles.computeIfAbsent(userId, id -> Applications.this.db
				.select(APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.STATUS)
				.from(APP_USER)
				.where(APP_USER.ID.eq(id))
				.fetchOne());
		}

		/** The applicant the request asks for; throws what is wrong with it. */
		Applicant applicant(CreateRegistrationRequest request) {
			EventRecord event = event(request.getEventId());
			if (!"PUBLISHED".equals(event.getStatus())) {
				throw new ApiException(Refusals.notOpen(event.getId().toString(), event.getStatus()));
			}
			TicketTypeRecord ticketType = ticketType(event, request.getTicketTypeId());
			checkSalesWindow(event, ticketType, RegistrationRecords.now());
			List<FieldViolation> violations = new ArrayList<>();
			boolean manages = Applications.this.events.manages(this.caller, event);
			Attendee given = request.getAttendee();
			UUID userId;
			Record3<String, String, String> profile = null;
			if (!request.getUserId().isEmpty()) {
				userId = uuid(request.getUserId(), "userId");
				if (!this.caller.is(userId) && !manages) {
					throw Caller.denied("Only the event's organizer or an administrator registers someone else");
				}
				profile = profile(userId);
				if (profile == null) {
					violations.add(new FieldViolation("userId", "no user with this id exists"));
				}
				else if (!ACTIVE.equals(profile.value3())) {
					violations.add(new FieldViolation("userId", "the account is disabled"));
				}
			}
			else if (manages && (!given.getName().isBlank() || !given.getEmail().isBlank())) {
				userId = null;
			}
			else {
				userId = this.caller.requireUser();
				profile = profile(userId);
				if (profile == null) {
					throw ApiException.notFound("user", userId.toString(), "userId");
				}
				if (!ACTIVE.equals(profile.value3())) {
					// Tokens outlive a disabled account by minutes; registering waits for nobody.
					throw Caller.denied("This account is disabled");
				}
			}
			String name = given.getName().isBlank() && profile != null ? profile.value1() : given.getName().strip();
			String email = given.getEmail().isBlank() && profile != null ? profile.value2() : given.getEmail().strip();
			Attendees.check(name, email, violations);
			Map<String, String> answers = Answers.check(TicketTypes.questions(ticketType), request.getAnswersMap(), violations);
			if (!violations.isEmpty()) {
				throw new ApiException(ApiError.validation(violations));
			}
			return new Applicant(UUID.randomUUID(), ticketType.getId(), userId, name, email,
					RegistrationRecords.answersJson(answers), ticketType.getPriceAmount(), ticketType.getCurrency(),
					ticketType.getMaxPerUser(), request.getJoinWaitlist());
		}

	}

	/** Sales run from sales_start (or now) until sales_end (or the event's start). */
	static void checkSalesWindow(EventRecord event, TicketTypeRecord ticketType, Instant now) {
		if (ticketType.getSalesStart() != null && now.isBefore(ticketType.getSalesStart())) {
			throw ApiException.of(ErrorCode.SALES_NOT_OPEN, "Sales of this ticket type have not opened yet",
					"Sales open at " + ticketType.getSalesStart(), "ticketTypeId");
		}
		Instant end = ticketType.getSalesEnd() != null ? ticketType.getSalesEnd() : event.getStartsAt();
		if (!now.isBefore(end)) {
			throw ApiException.of(ErrorCode.SALES_NOT_OPEN, "Sales of this ticket type have closed",
					"Sales closed at " + end, "ticketTypeId");
		}
	}

	static UUID uuid(String value, String field) {
		if (value.isEmpty()) {
			throw ApiException.invalid(field, "is required");
		}
		return RequestIds.uuid(value, field);
	}

}
