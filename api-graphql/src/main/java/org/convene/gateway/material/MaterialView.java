package org.convene.gateway.material;

import java.time.OffsetDateTime;


import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.Material;

/**
 * A material as REST and GraphQL show it. A file has {@code fileName}, {@code contentType},
 * {@code sizeBytes}, {@code sha256} and a {@code downloadUrl} (relative to the API's origin);
 * a link has {@code url}; the others are null.
 */
public record MaterialView(String id, String sessionId, String kind, String title, String url, String fileName,
		String contentType, Long sizeBytes, String sha256, String downloadUrl, int position, String addedByUserId,
		long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	static MaterialView of(Material material) {
		boolean file = material.getUrl().isEmpty();
		return new MaterialView(material.getId(), material.getSessionId(), MaterialInputs.kindName(material.getKind()),
				material.getTitle(), file ? null : material.getUrl(), file ? material.getFileName() : null,
				file ? material.getContentType() : null, file ? material.getSizeBytes() : null,
				file ? material.getSha256() : null, file ? "/api/v1/materials/" + material.getId() + "/content" : null,
				material.getPosition(), material.getAddedByUserId().isEmpty() ? null : material.getAddedByUserId(),
				material.getVersion(), ProtoTime.utc(material.getCreatedAt()), ProtoTime.utc(material.getUpdatedAt()));
	}

	/** The strong ETag of this version of the metadata. */
	String etag() {
		return "\"" + this.version + "\"";
	}

}
