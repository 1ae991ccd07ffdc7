package org.convene.gateway.material;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.graphql.Batches;
import org.convene.gateway.graphql.UserErrors;
import org.convene.gateway.session.SessionView;
import org.convene.session.v1.proto.BatchListMaterialsRequest;
import org.convene.session.v1.proto.DeleteMaterialRequest;
import org.convene.session.v1.proto.GetMaterialRequest;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialServiceGrpc.MaterialServiceBlockingStub;

/**
 * The {@code Material} type, {@code Session.materials} (one gRPC call for a whole list of
 * sessions), {@code material} and the link, change and delete mutations. Files are uploaded
 * through REST.
 */
@Controller
class MaterialGraphQlController {

	private final MaterialServiceBlockingStub materials;

	MaterialGraphQlController(MaterialServiceBlockingStub materials) {
		this.materials = materials;
	}

	@QueryMapping
	MaterialView material(@Argument String id) {
		return MaterialView.of(this.materials.getMaterial(GetMaterialRequest.newBuilder().setId(id).build()));
	}

	@BatchMapping(typeName = "Session", field = "materials")
	Map<SessionView, List<MaterialView>> sessionMaterials(List<SessionView> sessions) {
		Map<String, List<MaterialView>> lists = this.materials
			.batchListMaterials(BatchListMaterialsRequest.newBuilder().addAllSessionIds(Batches.keys(sessions, SessionView::id)).build())
			.getListsList()
			.stream()
			.collect(Collectors.toMap(l -> l.getSessionId(), l -> l.getMaterialsList().stream().map(MaterialView::of).toList()));
		Map<SessionView, List<MaterialView>> result = new LinkedHashMap<>();
		sessions.forEach(session -> result.put(session, lists.getOrDefault(session.id(), List.of())));
		return result;
	}

	@MutationMapping
	Object addMaterialLink(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String sessionId = (String) fields.remove("sessionId");
		return UserErrors.orUserError(() -> result(this.materials.addMaterialLink(MaterialInputs.link(sessionId, fields))));
	}

	@MutationMapping
	Object updateMaterial(@Argument Map<String, Object> input) {
		Map<String, Object> fields = new LinkedHashMap<>(input);
		String id = (String) fields.remove("id");
		long version = version(fields.remove("expectedVersion"));
		return UserErrors.orUserError(() -> result(this.materials.updateMaterial(MaterialInputs.update(id, fields, version))));
	}

	@MutationMapping
	Object deleteMaterial(@Argument Map<String, Object> input) {
		String id = (String) input.get("id");
		return UserErrors.orUserError(() -> {
			this.materials.deleteMaterial(DeleteMaterialRequest.newBuilder()
				.setId(id)
				.setExpectedVersion(version(input.get("expectedVersion")))
				.build());
			return new DeletedMaterial(id);
		});
	}

	private static long version(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	private static MaterialResult result(Material material) {
		return new MaterialResult(MaterialView.of(material));
	}

	/** The material a mutation produced. */
	record MaterialResult(MaterialView material) {
	}

	/** The material a deletion removed. */
	record DeletedMaterial(String id) {
	}

}
