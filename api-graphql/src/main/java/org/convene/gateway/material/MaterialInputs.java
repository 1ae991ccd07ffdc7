package org.convene.gateway.material;

import java.util.Locale;
import java.util.Map;

import com.google.protobuf.FieldMask;

import org.convene.grpc.ApiException;
import org.convene.session.v1.proto.AddMaterialLinkRequest;
import org.convene.session.v1.proto.MaterialKind;
import org.convene.session.v1.proto.MaterialPatch;
import org.convene.session.v1.proto.UpdateMaterialRequest;

/** Turns REST bodies and GraphQL inputs into MaterialService requests; core checks the values. */
final class MaterialInputs {

	private static final String PREFIX = "MATERIAL_KIND_";

	private MaterialInputs() {
	}

	/** SLIDES, DOCUMENT, ... as the API spells kinds; UNSPECIFIED for null. */
	static MaterialKind kind(Object value) {
		if (value == null || value.toString().isBlank()) {
			return MaterialKind.MATERIAL_KIND_UNSPECIFIED;
		}
		try {
			MaterialKind kind = MaterialKind.valueOf(PREFIX + value.toString().strip().toUpperCase(Locale.ROOT));
			if (kind != MaterialKind.MATERIAL_KIND_UNSPECIFIED) {
				return kind;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		throw ApiException.invalid("kind", "must be SLIDES, DOCUMENT, VIDEO, IMAGE, ARCHIVE, LINK or OTHER");
	}

	static String kindName(MaterialKind kind) {
		return kind.name().startsWith(PREFIX) ? kind.name().substring(PREFIX.length()) : kind.name();
	}

	static AddMaterialLinkRequest link(String sessionId, Map<String, Object> body) {
		return AddMaterialLinkRequest.newBuilder()
			.setSessionId(sessionId)
			.setTitle(text(body, "title"))
			.setUrl(text(body, "url"))
			.setKind(kind(body.get("kind")))
			.build();
	}

	/** A change of the fields present in the body (title, kind, position). */
	static UpdateMaterialRequest update(String id, Map<String, Object> body, long expectedVersion) {
		MaterialPatch.Builder patch = MaterialPatch.newBuilder();
		FieldMask.Builder mask = FieldMask.newBuilder();
		for (Map.Entry<String, Object> field : body.entrySet()) {
			Object value = field.getValue();
			switch (field.getKey()) {
				case "title" -> patch.setTitle(value instanceof String title ? title : "");
				case "kind" -> patch.setKind(kind(value));
				case "position" -> {
					if (!(value instanceof Number number)) {
						throw ApiException.invalid("position", "must be a number from 0 to 10000");
					}
					patch.setPosition(number.intValue());
				}
				default -> throw ApiException.invalid(field.getKey(), "is not a changeable field of a material (title, kind, position)");
			}
			mask.addPaths(field.getKey());
		}
		return UpdateMaterialRequest.newBuilder()
			.setId(id)
			.setMaterial(patch)
			.setUpdateMask(mask)
			.setExpectedVersion(expectedVersion)
			.build();
	}

	private static String text(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value != null && !(value instanceof String)) {
			throw ApiException.invalid(field, "must be a string");
		}
		return value == null ? "" : (String) value;
	}

}
