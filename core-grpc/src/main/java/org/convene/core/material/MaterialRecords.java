package org.convene.core.material;

import org.convene.grpc.ProtoTime;
import org.convene.schema.core.tables.records.SessionMaterialRecord;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialKind;

/** Turns stored material rows into their API form; kinds are stored without the enum's prefix. */
final class MaterialRecords {

	private static final String PREFIX = "MATERIAL_KIND_";

	private MaterialRecords() {
	}

	static Material toProto(SessionMaterialRecord row) {
		Material.Builder material = Material.newBuilder()
			.setId(row.getId().toString())
			.setSessionId(row.getSessionId().toString())
			.setKind(MaterialKind.valueOf(PREFIX + row.getKind()))
			.setTitle(row.getTitle())
			.setPosition(row.getPosition())
			.setVersion(row.getVersion())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()));
		if (row.getUrl() != null) {
			material.setUrl(row.getUrl());
		}
		else {
			material.setFileName(row.getFileName())
				.setContentType(row.getContentType())
				.setSizeBytes(row.getSizeBytes())
				.setSha256(row.getSha256());
		}
		if (row.getAddedByUserId() != null) {
			material.setAddedByUserId(row.getAddedByUserId().toString());
		}
		return material.build();
	}

	/** The stored name of a kind, e.g. SLIDES. */
	static String stored(MaterialKind kind) {
		return kind.name().substring(PREFIX.length());
	}

}
