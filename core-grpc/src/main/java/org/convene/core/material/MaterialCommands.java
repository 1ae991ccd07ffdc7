package org.convene.core.material;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Caller;
import org.convene.core.grpc.RequestIds;
import org.convene.core.grpc.UpdateMasks;
import org.convene.core.grpc.Versions;
import org.convene.core.storage.ContentStore;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;
import org.convene.schema.core.tables.records.SessionMaterialRecord;
import org.convene.schema.core.tables.records.SessionRecord;
import org.convene.session.v1.proto.AddMaterialLinkRequest;
import org.convene.session.v1.proto.DeleteMaterialRequest;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialKind;
import org.convene.session.v1.proto.MaterialUpload;
import org.convene.session.v1.proto.UpdateMaterialRequest;

/**
 * Adds, changes and deletes materials. They are not part of the session's own record: a
 * change leaves the session's version alone (a speaker uploading slides must not make the
 * organizer's pending schedule edit stale) and writes no session.updated; the audit log
 * records each call.
 */
@Service
@Transactional
class MaterialCommands {

	private static final Logger log = LoggerFactory.getLogger(MaterialCommands.class);

	private static final Set<String> WRITABLE = Set.of("title", "kind", "position");

	private final MaterialRepository materials;

	private final MaterialAccess access;

	private final ContentStore store;

	MaterialCommands(MaterialRepository materials, MaterialAccess access, ContentStore store) {
		this.materials = materials;
		this.access = access;
		this.store = store;
	}

	Material addLink(AddMaterialLinkRequest request) {
		Caller caller = MaterialAccess.writer();
		UUID sessionId = RequestIds.uuid(request.getSessionId(), "sessionId");
		String title = MaterialDrafts.title(request.getTitle(), "title");
		String url = MaterialDrafts.url(request.getUrl());
		String kind = MaterialDrafts.kind(request.getKind(), MaterialKind.MATERIAL_KIND_LINK, false);
		SessionRecord session = this.access.changeable(caller, sessionId, "sessionId", true);
		requireScheduled(session);
		SessionMaterialRecord row = newRow(caller, session, kind, title);
		row.setUrl(url);
		this.materials.insert(row);
		return MaterialRecords.toProto(row);
	}

	/** Checks an upload's metadata before any content is taken: who, where, what and how large. */
	@Transactional(readOnly = true)
	UploadStart startUpload(MaterialUpload upload, long maxSize) {
		Caller caller = MaterialAccess.writer();
		UUID sessionId = RequestIds.uuid(upload.getSessionId(), "sessionId");
		String fileName = FileNames.sanitize(upload.getFileName());
		String title = MaterialDrafts.title(upload.getTitle().isBlank() ? truncated(fileName) : upload.getTitle(), "title");
		String kind = MaterialDrafts.kind(upload.getKind(), MaterialKind.MATERIAL_KIND_DOCUMENT, true);
		String declared = ContentTypes.declared(upload.getContentType());
		if (upload.getSizeBytes() > maxSize) {
			throw MaterialUploads.tooLarge(maxSize);
		}
		requireScheduled(this.access.changeable(caller, sessionId, "sessionId", false));
		return new UploadStart(caller, sessionId, kind, title, fileName, declared);
	}

	/**
	 * Writes the row of stored content, checking again who may (a speaker may have been
	 * unassigned while uploading). The caller removes the content if this fails.
	 */
	Material recordUpload(UploadStart start, StoredFile file) {
		SessionRecord session = this.access.changeable(start.caller(), start.sessionId(), "sessionId", true);
		requireScheduled(session);
		SessionMaterialRecord row = newRow(start.caller(), session, start.kind(), start.title());
		row.setFileName(start.fileName());
		row.setContentType(file.contentType());
		row.setSizeBytes(file.size());
		row.setSha256(file.sha256());
		row.setStorageKey(file.key());
		this.materials.insert(row);
		return MaterialRecords.toProto(row);
	}

	Material update(UpdateMaterialRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> paths = UpdateMasks.paths(request.getUpdateMask(), WRITABLE, "a material", violations);
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		SessionMaterialRecord row = lockChangeable(request.getId());
		Versions.check("material", request.getExpectedVersion(), row.getVersion());
		if (paths.contains("title")) {
			row.setTitle(MaterialDrafts.title(request.getMaterial().getTitle(), "title"));
		}
		if (paths.contains("kind")) {
			row.setKind(MaterialDrafts.kind(request.getMaterial().getKind(), MaterialKind.UNRECOGNIZED, row.getUrl() == null));
		}
		if (paths.contains("position")) {
			row.setPosition(MaterialDrafts.position(request.getMaterial().getPosition()));
		}
		this.materials.update(row);
		return MaterialRecords.toProto(row);
	}

	/** Deletes the row; its content goes once the deletion is committed, so a rollback keeps both. */
	void delete(DeleteMaterialRequest request) {
		SessionMaterialRecord row = lockChangeable(request.getId());
		Versions.check("material", request.getExpectedVersion(), row.getVersion());
		this.materials.delete(row);
		String key = row.getStorageKey();
		if (key != null) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					remove(key);
				}
			});
		}
	}

	/** Removes content whose row is gone (or was never written); a failure leaves an orphan, logged. */
	void remove(String key) {
		try {
			this.store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not remove the content {} of a deleted material", key, ex);
		}
	}

	private SessionMaterialRecord lockChangeable(String id) {
		Caller caller = MaterialAccess.writer();
		UUID materialId = RequestIds.uuid(id, "id");
		SessionMaterialRecord row = this.materials.lock(materialId);
		if (row == null) {
			throw ApiException.notFound("material", id, "id");
		}
		try {
			this.access.changeable(caller, row.getSessionId(), "id", false);
		}
		catch (ApiException ex) {
			if (ex.error().code() == ErrorCode.RESOURCE_NOT_FOUND) {
				throw ApiException.notFound("material", id, "id");
			}
			throw ex;
		}
		return row;
	}

	private SessionMaterialRecord newRow(Caller caller, SessionRecord session, String kind, String title) {
		SessionMaterialRecord row = this.materials.newRecord();
		row.setId(UUID.randomUUID());
		row.setSessionId(session.getId());
		row.setKind(kind);
		row.setTitle(title);
		row.setPosition(this.materials.nextPosition(session.getId()));
		row.setAddedBy(caller.describe());
		row.setAddedByUserId(caller.userId());
		return row;
	}

	private static void requireScheduled(SessionRecord session) {
		if (!"SCHEDULED".equals(session.getStatus())) {
			throw ApiException.of(ErrorCode.INVALID_STATE_TRANSITION, "A cancelled session takes no new materials",
					"Session '" + session.getId() + "' is " + session.getStatus(), "sessionId");
		}
	}

	private static String truncated(String fileName) {
		return fileName.length() <= 200 ? fileName : fileName.substring(0, 200);
	}

	/** An upload whose metadata passed: who adds what to which session. */
	record UploadStart(Caller caller, UUID sessionId, String kind, String title, String fileName, String declaredType) {
	}

	/** Content in the store, checked, waiting for its row. */
	record StoredFile(String key, String contentType, long size, String sha256) {
	}

}
