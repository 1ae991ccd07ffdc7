package org.convene.gateway.authz;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import io.grpc.stub.StreamObserver;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import org.convene.gateway.authz.AuthorizationMatrixTests.Operation;
import org.convene.session.v1.proto.AddMaterialLinkRequest;
import org.convene.session.v1.proto.BatchListMaterialsRequest;
import org.convene.session.v1.proto.DeleteMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialResponse;
import org.convene.session.v1.proto.GetMaterialRequest;
import org.convene.session.v1.proto.ListMaterialsRequest;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialPatch;
import org.convene.session.v1.proto.MaterialServiceGrpc;
import org.convene.session.v1.proto.MaterialUpload;
import org.convene.session.v1.proto.UpdateMaterialRequest;
import org.convene.session.v1.proto.UploadMaterialRequest;

/**
 * The matrix rows of session materials: whoever may see the owner's published event lists and
 * downloads its sessions' materials; the owner, administrators and the session's own speakers
 * (the matrix's speaker speaks at the shared session here) change them. One session, one
 * link and one file serve every row that leaves them usable; deletions delete a fresh link.
 */
final class MaterialRows {

	private static final String START = "2030-03-04T19:00:00+01:00";

	private static final String END = "2030-03-04T19:30:00+01:00";

	private static final byte[] PDF = "%PDF-1.7\n% matrix\n".getBytes(StandardCharsets.ISO_8859_1);

	private final Doors doors;

	private final WebTestClient admin;

	private final WebTestClient http;

	private final Callers callers;

	private final Supplier<String> ownersPublishedEvent;

	private String session;

	private String link;

	private String file;

	MaterialRows(Doors doors, WebTestClient admin, WebTestClient http, Callers callers, Supplier<String> ownersPublishedEvent) {
		this.doors = doors;
		this.admin = admin;
		this.http = http;
		this.callers = callers;
		this.ownersPublishedEvent = ownersPublishedEvent;
	}

	List<Operation> all() {
		Map<Who, Outcome> read = Expect.publicRead();
		Map<Who, Outcome> change = changers();
		List<Operation> ops = new ArrayList<>();
		ops.add(row("GET /api/v1/sessions/{id}/materials", read,
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/sessions/" + session() + "/materials", null)));
		ops.add(row("POST /api/v1/sessions/{id}/materials", change, (w, c) -> multipart(c)));
		ops.add(row("POST /api/v1/sessions/{id}/materials", change, (w, c) -> this.doors.rest(c, HttpMethod.POST,
				"/api/v1/sessions/" + session() + "/materials", Map.of("title", "Matrix link", "url", "https://example.org"))));
		ops.add(row("GET /api/v1/materials/{id}", read,
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/materials/" + link(), null)));
		ops.add(row("GET /api/v1/materials/{id}/content", read,
				(w, c) -> this.doors.rest(c, HttpMethod.GET, "/api/v1/materials/" + file() + "/content", null)));
		ops.add(row("PATCH /api/v1/materials/{id}", change, (w, c) -> this.doors.rest(c, HttpMethod.PATCH,
				"/api/v1/materials/" + link(), Map.of("title", "Changed"))));
		ops.add(row("DELETE /api/v1/materials/{id}", change,
				(w, c) -> this.doors.rest(c, HttpMethod.DELETE, "/api/v1/materials/" + freshLink(), null)));

		ops.add(row("Query.material", read, (w, c) -> this.doors.graphQl(c, "query($id: ID!) { material(id: $id) { id } }",
				Map.of("id", link()), "material")));
		ops.add(row("Mutation.addMaterialLink", change, (w, c) -> this.doors.graphQl(c,
				"mutation($input: AddMaterialLinkInput!) { addMaterialLink(input: $input) { __typename } }",
				Map.of("input", Map.of("sessionId", session(), "title", "Matrix link", "url", "https://example.org")),
				"addMaterialLink")));
		ops.add(row("Mutation.updateMaterial", change, (w, c) -> this.doors.graphQl(c,
				"mutation($input: UpdateMaterialInput!) { updateMaterial(input: $input) { __typename } }",
				Map.of("input", Map.of("id", link(), "title", "Changed")), "updateMaterial")));
		ops.add(row("Mutation.deleteMaterial", change, (w, c) -> this.doors.graphQl(c,
				"mutation($input: DeleteMaterialInput!) { deleteMaterial(input: $input) { __typename } }",
				Map.of("input", Map.of("id", freshLink())), "deleteMaterial")));

		String service = "convene.session.v1.MaterialService/";
		ops.add(row(service + "UploadMaterial", change,
				(w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newStub, s -> upload(s, session()))));
		ops.add(row(service + "AddMaterialLink", change, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub,
				s -> s.addMaterialLink(AddMaterialLinkRequest.newBuilder()
					.setSessionId(session())
					.setTitle("Matrix link")
					.setUrl("https://example.org")
					.build()))));
		ops.add(row(service + "GetMaterial", read, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub,
				s -> s.getMaterial(GetMaterialRequest.newBuilder().setId(link()).build()))));
		ops.add(row(service + "ListMaterials", read, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub,
				s -> s.listMaterials(ListMaterialsRequest.newBuilder().setSessionId(session()).build()))));
		ops.add(row(service + "BatchListMaterials", read, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub,
				s -> s.batchListMaterials(BatchListMaterialsRequest.newBuilder().addSessionIds(session()).build()))));
		ops.add(row(service + "DownloadMaterial", read, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub, s -> {
			Iterator<DownloadMaterialResponse> parts = s.downloadMaterial(DownloadMaterialRequest.newBuilder().setId(file()).build());
			parts.forEachRemaining(part -> {
			});
			return null;
		})));
		ops.add(row(service + "UpdateMaterial", change, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub,
				s -> s.updateMaterial(UpdateMaterialRequest.newBuilder()
					.setId(link())
					.setMaterial(MaterialPatch.newBuilder().setTitle("Changed"))
					.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
					.build()))));
		ops.add(row(service + "DeleteMaterial", change, (w, c) -> this.doors.grpc(c, MaterialServiceGrpc::newBlockingStub,
				s -> s.deleteMaterial(DeleteMaterialRequest.newBuilder().setId(freshLink()).build()))));
		return ops;
	}

	/** As for the owner's sessions, and the session's own speaker too. */
	private static Map<Who, Outcome> changers() {
		Map<Who, Outcome> expected = Expect.owner();
		expected.put(Who.SPEAKER, Outcome.ALLOWED);
		return expected;
	}

	private Outcome multipart(Callers.Credential credential) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", new ByteArrayResource(PDF) {
			@Override
			public String getFilename() {
				return "matrix.pdf";
			}
		}).contentType(MediaType.APPLICATION_PDF);
		form.part("title", "Matrix slides");
		WebTestClient.RequestBodySpec request = this.http.post().uri("/api/v1/sessions/{id}/materials", session());
		if (credential.authorization() != null) {
			request.header("Authorization", credential.authorization());
		}
		if (credential.apiKey() != null) {
			request.header("X-API-Key", credential.apiKey());
		}
		var result = request.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		return switch (result.getStatus().value()) {
			case 201 -> Outcome.ALLOWED;
			case 401 -> Outcome.UNAUTHENTICATED;
			case 403 -> Outcome.DENIED;
			case 404 -> Outcome.HIDDEN;
			default -> throw new AssertionError("upload answered " + result.getStatus() + ": " + result.getResponseBody());
		};
	}

	/** A client-streaming upload, blocking; a refusal is thrown as the status it came with. */
	private static Material upload(MaterialServiceGrpc.MaterialServiceStub stub, String session) {
		CompletableFuture<Material> result = new CompletableFuture<>();
		StreamObserver<UploadMaterialRequest> requests = stub.uploadMaterial(new StreamObserver<>() {
			@Override
			public void onNext(Material material) {
				result.complete(material);
			}

			@Override
			public void onError(Throwable failure) {
				result.completeExceptionally(failure);
			}

			@Override
			public void onCompleted() {
			}
		});
		requests.onNext(UploadMaterialRequest.newBuilder()
			.setMetadata(MaterialUpload.newBuilder().setSessionId(session).setFileName("matrix.pdf").setContentType("application/pdf"))
			.build());
		requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(PDF)).build());
		requests.onCompleted();
		try {
			return result.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw (RuntimeException) ex.getCause();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The shared session of the owner's published event, with the matrix's speaker speaking at it. */
	private String session() {
		if (this.session == null) {
			Map<?, ?> created = this.admin.post()
				.uri("/api/v1/events/{id}/sessions", this.ownersPublishedEvent.get())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", "Matrix materials", "startsAt", START, "endsAt", END))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			String id = (String) created.get("id");
			this.admin.put()
				.uri("/api/v1/sessions/{id}/speakers/{userId}", id, this.callers.userId(Who.SPEAKER))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("role", "SPEAKER"))
				.exchange()
				.expectStatus()
				.isOk();
			this.session = id;
		}
		return this.session;
	}

	private String link() {
		if (this.link == null) {
			this.link = freshLink();
		}
		return this.link;
	}

	/** A new link of the shared session, added by an administrator. */
	private String freshLink() {
		return (String) this.admin.post()
			.uri("/api/v1/sessions/{id}/materials", session())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Matrix link " + OffsetDateTime.now(), "url", "https://example.org/matrix"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private String file() {
		if (this.file == null) {
			MultipartBodyBuilder form = new MultipartBodyBuilder();
			form.part("file", new ByteArrayResource(PDF) {
				@Override
				public String getFilename() {
					return "matrix.pdf";
				}
			}).contentType(MediaType.APPLICATION_PDF);
			this.file = (String) this.admin.post()
				.uri("/api/v1/sessions/{id}/materials", session())
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(BodyInserters.fromMultipartData(form.build()))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id");
		}
		return this.file;
	}

	private static Operation row(String name, Map<Who, Outcome> expected, BiFunction<Who, Callers.Credential, Outcome> call) {
		return new Operation(name, expected, call);
	}

}
