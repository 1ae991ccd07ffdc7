package org.convene.gateway.session;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.AgendaEntry;

/**
 * A session in the caller's agenda as REST and GraphQL show it: the session (its {@code status}
 * says whether it was cancelled), whether the caller holds one of its seats, and when they added it.
 */
public record AgendaEntryView(SessionView session, boolean holdsSeat, OffsetDateTime addedAt) {

	static AgendaEntryView of(AgendaEntry entry) {
		return new AgendaEntryView(SessionView.of(entry.getSession()), entry.getHoldsSeat(),
				ProtoTime.toInstant(entry.getAddedAt()).atOffset(ZoneOffset.UTC));
	}

}
