package org.convene.gateway.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.CalendarFile;
import org.convene.session.v1.proto.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.convene.session.v1.proto.GetAgendaCalendarRequest;
import org.convene.session.v1.proto.GetEventCalendarRequest;

/**
 * The {@code .ics} files: served as core renders them, with the ETag and Last-Modified core
 * computed. Spring answers 304 itself when If-None-Match (or, without it, If-Modified-Since)
 * says the client's copy is current. Errors are the JSON envelope like everywhere in the API,
 * so these mappings declare no {@code produces}.
 */
@RestController
@Tag(name = "Calendar feeds", description = "iCalendar (RFC 5545) feeds of events, series and personal agendas")
class CalendarRestController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	/** How long shared caches may keep an anonymous event feed before asking again. */
	private static final Duration PUBLIC_MAX_AGE = Duration.ofMinutes(5);

	private final CalendarServiceBlockingStub calendars;

	CalendarRestController(CalendarServiceBlockingStub calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/api/v1/events/{id}/calendar.ics")
	@Operation(summary = "An event's calendar", description = "The event and its sessions as text/calendar, for "
			+ "whoever may read the event (no sign-in for published public events). A series is one recurring "
			+ "VEVENT (RRULE, EXDATE) with RECURRENCE-ID overrides for moved, changed and cancelled occurrences. "
			+ "ETag and Last-Modified: 304 on If-None-Match / If-Modified-Since.")
	ResponseEntity<byte[]> event(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = "X-API-Key", required = false) String apiKey) {
		CalendarFile file = this.calendars.getEventCalendar(GetEventCalendarRequest.newBuilder().setEventId(id).build());
		// what a signed-in caller sees may include their drafts: only their own cache may keep it
		boolean anonymous = authorization == null && apiKey == null;
		CacheControl cache = anonymous ? CacheControl.maxAge(PUBLIC_MAX_AGE).cachePublic()
				: CacheControl.noCache().cachePrivate();
		return serve(file, cache).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", X-API-Key")
			.body(file.getContent().toByteArray());
	}

	@GetMapping("/api/v1/calendar-feeds/{token}.ics")
	@Operation(summary = "A personal agenda", description = "No sign-in: the token in the URL is the credential. "
			+ "The events its owner attends and the sessions they bookmarked, as text/calendar. 404 once the feed "
			+ "is revoked. Private to the client: shared caches must not keep it.")
	ResponseEntity<byte[]> agenda(@PathVariable String token) {
		CalendarFile file = this.calendars.getAgendaCalendar(GetAgendaCalendarRequest.newBuilder().setToken(token).build());
		return serve(file, CacheControl.noCache().cachePrivate())
			.header("X-Robots-Tag", "noindex")
			.header("Referrer-Policy", "no-referrer")
			.body(file.getContent().toByteArray());
	}

	private static ResponseEntity.BodyBuilder serve(CalendarFile file, CacheControl cache) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.eTag(file.getEtag())
			.cacheControl(cache)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.getFilename()).build().toString());
		if (file.hasLastModified()) {
			response.lastModified(ProtoTime.toInstant(file.getLastModified()));
		}
		return response;
	}

}
