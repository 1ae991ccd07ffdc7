package org.convene.core.session;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.SessionBookmarkRecord;
import org.convene.session.v1.proto.AgendaEntry;
import org.convene.session.v1.proto.Session;

/** Turns a session and the user's bookmark of it into an agenda entry. */
final class AgendaEntries {

	private AgendaEntries() {
	}

	static AgendaEntry of(Session session, SessionBookmarkRecord bookmark) {
		return AgendaEntry.newBuilder()
			.setSession(session)
			.setHoldsSeat(bookmark.getSeat())
			.setAddedAt(ProtoTime.of(bookmark.getCreatedAt()))
			.build();
	}

}
