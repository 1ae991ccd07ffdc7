package org.convene.core.material;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestIds;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.EventRecord;
import org.convene.schema.core.tables.records.SessionMaterialRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.BatchListMaterialsResponse;
import org.convene.session.v1.proto.ListMaterialsResponse;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.SessionMaterials;

/** Reads materials: whoever may see a session sees its materials (see {@link MaterialAccess}). */
@Service
@Transactional(readOnly = true)
class MaterialQueries {

	static final int MAX_BATCH = 100;

	private final MaterialRepository materials;

	private final MaterialAccess access;

	private final Events events;

	MaterialQueries(MaterialRepository materials, MaterialAccess access, Events events) {
		this.materials = materials;
		this.access = access;
		this.events = events;
	}

	Material get(String id) {
		return MaterialRecords.toProto(readable(id));
	}

	ListMaterialsResponse list(String sessionId) {
		Caller caller = MaterialAccess.reader();
		UUID id = RequestIds.uuid(sessionId, "sessionId");
		if (!this.access.canRead(caller, this.materials.session(id))) {
			throw ApiException.notFound("session", sessionId, "sessionId");
		}
		return ListMaterialsResponse.newBuilder()
			.addAllMaterials(this.materials.ofSessions(Set.of(id)).stream().map(MaterialRecords::toProto).toList())
			.build();
	}

	BatchListMaterialsResponse listAll(List<String> sessionIds) {
		Caller caller = MaterialAccess.reader();
		if (sessionIds.size() > MAX_BATCH) {
			throw ApiException.invalid("sessionIds", "at most " + MAX_BATCH + " ids per call");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		for (int i = 0; i < sessionIds.size(); i++) {
			ids.add(RequestIds.uuid(sessionIds.get(i), "sessionIds[" + i + "]"));
		}
		List<SessionRecord> sessions = ids.isEmpty() ? List.of() : this.materials.sessions(ids);
		Set<UUID> visibleEvents = this.events.visible(caller, sessions.stream().map(SessionRecord::getEventId).collect(Collectors.toSet()))
			.stream()
			.map(EventRecord::getId)
			.collect(Collectors.toSet());
		Set<UUID> visible = sessions.stream()
			.filter(session -> visibleEvents.contains(session.getEventId()))
			.map(SessionRecord::getId)
			.collect(Collectors.toSet());
		Map<UUID, List<Material>> bySession = new LinkedHashMap<>();
		if (!visible.isEmpty()) {
			this.materials.ofSessions(visible)
				.forEach(row -> bySession.computeIfAbsent(row.getSessionId(), id -> new ArrayList<>()).add(MaterialRecords.toProto(row)));
		}
		BatchListMaterialsResponse.Builder response = BatchListMaterialsResponse.newBuilder();
		ids.stream()
			.filter(visible::contains)
			.forEach(id -> response.addLists(SessionMaterials.newBuilder()
				.setSessionId(id.toString())
				.addAllMaterials(bySession.getOrDefault(id, List.of()))));
		return response.build();
	}

	/** A file the caller may download; INVALID_STATE_TRANSITION for a link, which has no content. */
	Download download(String id) {
		SessionMaterialRecord row = readable(id);
		if (row.getStorageKey() == null) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A link has no content to download",
					"Material '" + id + "' links to " + row.getUrl(), "id");
		}
		return new Download(MaterialRecords.toProto(row), row.getStorageKey());
	}

	private SessionMaterialRecord readable(String id) {
		Caller caller = MaterialAccess.reader();
		SessionMaterialRecord row = this.materials.find(RequestIds.uuid(id, "id"));
		if (row == null || !this.access.canRead(caller, this.materials.session(row.getSessionId()))) {
			throw ApiException.notFound("material", id, "id");
		}
		return row;
	}

	/** A material to download and where its content lies. */
	record Download(Material material, String key) {
	}

}
