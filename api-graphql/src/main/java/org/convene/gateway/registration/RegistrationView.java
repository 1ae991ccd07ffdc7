package org.convene.gateway.registration;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Registration;


/** A registration as REST and GraphQL show it; times in UTC. */
public record RegistrationView(String id, String eventId, String ticketTypeId, String userId, AttendeeView attendee,
		Map<String, String> answers, String status, MoneyView price, OffsetDateTime holdExpiresAt,
		Integer waitlistPosition, String cancellationReason, OffsetDateTime confirmedAt, OffsetDateTime cancelledAt,
		OffsetDateTime checkedInAt, String ticketCode, String createdBy, long version, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {

	public static RegistrationView of(Registration registration) {
		return new RegistrationView(registration.getId(), registration.getEventId(), registration.getTicketTypeId(),
				emptyToNull(registration.getUserId()),
				new AttendeeView(registration.getAttendee().getName(), registration.getAttendee().getEmail()),
				new TreeMap<>(registration.getAnswersMap()), registration.getStatus().name(),
				MoneyView.of(registration.getPrice()),
				ProtoTime.utc(registration.hasHoldExpiresAt(), registration.getHoldExpiresAt()),
				registration.getWaitlistPosition() == 0 ? null : registration.getWaitlistPosition(),
				emptyToNull(registration.getCancellationReason()),
				ProtoTime.utc(registration.hasConfirmedAt(), registration.getConfirmedAt()),
				ProtoTime.utc(registration.hasCancelledAt(), registration.getCancelledAt()),
				ProtoTime.utc(registration.hasCheckedInAt(), registration.getCheckedInAt()),
				emptyToNull(registration.getTicketCode()), registration.getCreatedBy(), registration.getVersion(),
				ProtoTime.utc(true, registration.getCreatedAt()), ProtoTime.utc(true, registration.getUpdatedAt()));
	}

	/** The strong ETag of this version. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

	/** Where the PDF ticket is, once there is a ticket. */
	public String ticketPdfUrl() {
		return this.ticketCode == null ? null : "/api/v1/registrations/" + this.id + "/ticket.pdf";
	}

	/** Hypermedia links of the REST representation. */
	@JsonProperty("_links")
	public Map<String, Link> links() {
		String self = "/api/v1/registrations/" + this.id;
		Map<String, Link> links = new LinkedHashMap<>();
		links.put("self", new Link(self));
		links.put("event", new Link("/api/v1/events/" + this.eventId));
		links.put("ticketType", new Link("/api/v1/ticket-types/" + this.ticketTypeId));
		if (this.ticketCode != null) {
			links.put("ticket", new Link(self + "/ticket"));
			links.put("ticketPdf", new Link(ticketPdfUrl()));
		}
		return links;
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/** Who attends. */
	public record AttendeeView(String name, String email) {
	}

	/** @param href the linked resource */
	public record Link(String href) {
	}

}
