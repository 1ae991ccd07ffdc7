package org.convene.core.support;

import java.time.Instant;

import org.convene.core.v1.proto.EventDraft;
import org.convene.core.v1.proto.OnlineLocation;
import org.convene.core.v1.proto.PostalAddress;
import org.convene.core.v1.proto.Venue;
import org.convene.grpc.ProtoTime;

/** Valid event drafts to start tests from. */
public final class Drafts {

	private Drafts() {
	}

	public static EventDraft.Builder event(String title, Instant start, Instant end) {
		return EventDraft.newBuilder()
			.setTitle(title)
			.setDescription("A gathering of people who care about " + title)
			.setStartsAt(ProtoTime.of(start))
			.setEndsAt(ProtoTime.of(end))
			.setTimeZone("Europe/Berlin")
			.setVenue(venue());
	}

	public static Venue venue() {
		return Venue.newBuilder()
			.setName("Kongresshaus")
			.setAddress(PostalAddress.newBuilder().setLine1("Hauptstrasse 1").setCity("Berlin").setCountry("DE"))
			.setOnline(OnlineLocation.newBuilder().setUrl("https://meet.example.com/room").setPlatform("Jitsi"))
			.build();
	}

}
