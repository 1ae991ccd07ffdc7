package org.convene.core.material;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import org.convene.schema.core.tables.records.SessionMaterialRecord;
import org.convene.schema.core.tables.records.SessionRecord;

import static org.convene.schema.core.Tables.SESSION;
import static org.convene.schema.core.Tables.SESSION_MATERIAL;
import static org.convene.schema.core.Tables.SESSION_SPEAKER;

/** Reads and writes material rows, and the little of sessions that materials need. */
@Repository
class MaterialRepository {

	private final DSLContext db;

	MaterialRepository(DSLContext db) {
		this.db = db;
	}

	SessionMaterialRecord newRecord() {
		return this.db.newRecord(SESSION_MATERIAL);
	}

	SessionMaterialRecord find(UUID id) {
		return this.db.fetchOne(SESSION_MATERIAL, SESSION_MATERIAL.ID.eq(id));
	}

	SessionMaterialRecord lock(UUID id) {
		return this.db.selectFrom(SESSION_MATERIAL).where(SESSION_MATERIAL.ID.eq(id)).forUpdate().fetchOne();
	}

	/** The materials of these sessions, each session's by position, then by when they were added. */
	List<SessionMaterialRecord> ofSessions(Collection<UUID> sessionIds) {
		return this.db.selectFrom(SESSION_MATERIAL)
			.where(SESSION_MATERIAL.SESSION_ID.in(sessionIds))
			.orderBy(SESSION_MATERIAL.SESSION_ID, SESSION_MATERIAL.POSITION, SESSION_MATERIAL.CREATED_AT, SESSION_MATERIAL.ID)
			.fetch();
	}

	SessionRecord session(UUID id) {
		return this.db.fetchOne(SESSION, SESSION.ID.eq(id));
	}

	List<SessionRecord> sessions(Collection<UUID> ids) {
		return this.db.fetch(SESSION, SESSION.ID.in(ids));
	}

	/**
	 * The session, locked against other material additions (and schedule edits) for the rest
	 * of the transaction, so that concurrent additions get distinct positions.
	 */
	SessionRecord lockSession(UUID id) {
		return this.db.selectFrom(SESSION).where(SESSION.ID.eq(id)).forNoKeyUpdate().fetchOne();
	}

	boolean speaks(UUID sessionId, UUID userId) {
		return this.db.fetchExists(SESSION_SPEAKER,
				SESSION_SPEAKER.SESSION_ID.eq(sessionId).and(SESSION_SPEAKER.USER_ID.eq(userId)));
	}

	/** The position after the session's last material. */
	int nextPosition(UUID sessionId) {
		Integer last = this.db.select(DSL.max(SESSION_MATERIAL.POSITION))
			.from(SESSION_MATERIAL)
			.where(SESSION_MATERIAL.SESSION_ID.eq(sessionId))
			.fetchOne(0, Integer.class);
		return last == null ? 0 : Math.min(last + 1, MaterialDrafts.MAX_POSITION);
	}

	void insert(SessionMaterialRecord row) {
		Instant now = now();
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		row.setVersion(1L);
		row.insert();
	}

	void update(SessionMaterialRecord row) {
		row.setUpdatedAt(now());
		row.setVersion(row.getVersion() + 1);
		row.update();
	}

	void delete(SessionMaterialRecord row) {
		this.db.deleteFrom(SESSION_MATERIAL).where(SESSION_MATERIAL.ID.eq(row.getId())).execute();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
