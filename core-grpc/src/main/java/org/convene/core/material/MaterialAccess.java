package org.convene.core.material;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionRecord;

/**
 * Who may do what with a session's materials. Whoever may see the session's event (anonymous
 * callers too; callers with credentials need sessions:read) reads them. The event's organizer,
 * administrators and the session's own speakers change them, with sessions:write; for
 * everyone else a session of a hidden event does not exist.
 */
@Component
class MaterialAccess {

	private final MaterialRepository materials;

	private final Events events;

	MaterialAccess(MaterialRepository materials, Events events) {
		this.materials = materials;
		this.events = events;
	}

	static Caller reader() {
		Caller caller = RequestContext.current().caller();
		return caller.isAnonymous() ? caller : caller.require(Scopes.SESSIONS_READ);
	}

	static Caller writer() {
		return RequestContext.current().caller().require(Scopes.SESSIONS_WRITE);
	}

	/** Whether the caller may see the session; false for one that does not exist. */
	boolean canRead(Caller caller, SessionRecord session) {
		return session != null && !this.events.visible(caller, Set.of(session.getEventId())).isEmpty();
	}

	/**
	 * The session (locked when {@code lock}), if the caller may change its materials: NOT_FOUND
	 * when they may not see it, PERMISSION_DENIED when they may see but not change it, and
	 * INVALID_STATE_TRANSITION for a cancelled event's.
	 */
	SessionRecord changeable(Caller caller, UUID sessionId, String target, boolean lock) {
		SessionRecord session = lock ? this.materials.lockSession(sessionId) : this.materials.session(sessionId);
		if (!canRead(caller, session)) {
			throw ApiException.notFound("session", sessionId.toString(), target);
		}
		EventRecord event = this.events.visible(caller, session.getEventId(), target);
		boolean speaker = caller.userId() != null && this.materials.speaks(sessionId, caller.userId());
		if (!this.events.manages(caller, event) && !speaker) {
			throw Caller.denied("Only the event's organizer, an administrator or the session's speakers may change its materials");
		}
		if ("CANCELLED".equals(event.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "The materials of a cancelled event cannot change",
					"Event '" + event.getId() + "' is CANCELLED", target);
		}
		return session;
	}

}
