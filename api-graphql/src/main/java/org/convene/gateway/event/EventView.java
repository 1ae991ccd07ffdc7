package org.convene.gateway.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.protobuf.Timestamp;

import org.convene.core.v1.proto.Event;
import org.convene.core.v1.proto.OnlineLocation;
import org.convene.core.v1.proto.PostalAddress;
import org.convene.core.v1.proto.Venue;
import org.convene.grpc.ProtoTime;

/**
 * An event as GraphQL and REST show it. Its start and end carry the offset of the event's
 * own time zone; bookkeeping times are in UTC.
 */
public record EventView(String id, String kind, String title, String description, OffsetDateTime startsAt,
		OffsetDateTime endsAt, String timeZone, VenueView venue, Integer capacity, String status, String visibility,
		List<String> tags, String organizerId, String parentId, String seriesId, RecurrenceView recurrence,
		OffsetDateTime originalStartsAt, boolean detached, String cancellationReason, OffsetDateTime publishedAt,
		OffsetDateTime cancelledAt, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	public static EventView of(Event event) {
		ZoneId zone = ZoneId.of(event.getTimeZone());
		return new EventView(event.getId(), event.getKind().name(), event.getTitle(), event.getDescription(),
				local(event.getStartsAt(), zone), local(event.getEndsAt(), zone), event.getTimeZone(),
				event.hasVenue() ? VenueView.of(event.getVenue()) : null, event.hasCapacity() ? event.getCapacity() : null,
				event.getStatus().name(), event.getVisibility().name(), List.copyOf(event.getTagsList()),
				emptyToNull(event.getOrganizerId()), emptyToNull(event.getParentId()), emptyToNull(event.getSeriesId()),
				event.hasRecurrence() ? new RecurrenceView(event.getRecurrence().getRule(),
						event.getRecurrence().getExdatesList().stream().map(t -> local(t, zone)).toList()) : null,
				event.hasOriginalStartsAt() ? local(event.getOriginalStartsAt(), zone) : null, event.getDetached(),
				emptyToNull(event.getCancellationReason()),
				ProtoTime.utc(event.hasPublishedAt(), event.getPublishedAt()),
				ProtoTime.utc(event.hasCancelledAt(), event.getCancelledAt()), ProtoTime.utc(true,
				event.getCreatedAt()),
				ProtoTime.utc(true, event.getUpdatedAt()), event.getVersion());
	}

	/** The strong ETag of this version of the event. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

	/** Hypermedia links of the REST representation. */
	@JsonProperty("_links")
	public Map<String, Link> links() {
		String self = "/api/v1/events/" + this.id;
		Map<String, Link> links = new LinkedHashMap<>();
		links.put("self", new Link(self));
		links.put("statistics", new Link(self + "/statistics"));
		links.put("subEvents", new Link(self + "/sub-events"));
		if ("SERIES".equals(this.kind)) {
			links.put("occurrences", new Link(self + "/occurrences"));
		}
		if (this.parentId != null) {
			links.put("parent", new Link("/api/v1/events/" + this.parentId));
		}
		if (this.seriesId != null) {
			links.put("series", new Link("/api/v1/events/" + this.seriesId));
		}
		return links;
	}

	private static OffsetDateTime local(Timestamp timestamp, ZoneId zone) {
		Instant instant = ProtoTime.toInstant(timestamp);
		return instant.atZone(zone).toOffsetDateTime();
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/** @param href the linked resource */
	public record Link(String href) {
	}

	/**
	 * @param name name of the place
	 * @param address postal address, or null
	 * @param online online location, or null
	 */
	public record VenueView(String name, AddressView address, OnlineView online) {

		static VenueView of(Venue venue) {
			return new VenueView(venue.getName(), venue.hasAddress() ? AddressView.of(venue.getAddress()) : null,
					venue.hasOnline() ? OnlineView.of(venue.getOnline()) : null);
		}

	}

	/** A postal address; {@code country} is ISO 3166-1 alpha-2. */
	public record AddressView(String line1, String line2, String city, String region, String postalCode, String country) {

		static AddressView of(PostalAddress address) {
			return new AddressView(address.getLine1(), address.getLine2(), address.getCity(), address.getRegion(),
					address.getPostalCode(), address.getCountry());
		}

	}

	/** Where attendees join online. */
	public record OnlineView(String url, String platform) {

		static OnlineView of(OnlineLocation online) {
			return new OnlineView(online.getUrl(), online.getPlatform());
		}

	}

	/**
	 * @param rule RFC 5545 RRULE value
	 * @param exdates starts of left-out occurrences
	 */
	public record RecurrenceView(String rule, List<OffsetDateTime> exdates) {
	}

}
