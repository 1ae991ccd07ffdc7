package org.convene.gateway.material;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.convene.gateway.web.DataList;
import org.convene.gateway.web.Etags;
import org.convene.session.v1.proto.DeleteMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialResponse;
import org.convene.session.v1.proto.GetMaterialRequest;
import org.convene.session.v1.proto.ListMaterialsRequest;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialServiceGrpc.MaterialServiceBlockingStub;
import org.convene.session.v1.proto.MaterialServiceGrpc.MaterialServiceStub;
import org.convene.session.v1.proto.MaterialUpload;

/** Session materials over REST: {@code /api/v1/sessions/{id}/materials} and {@code /api/v1/materials/{id}}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Session materials", description = "Slides, documents, recordings and links of sessions")
class MaterialRestController {

	private final MaterialServiceBlockingStub materials;

	private final MaterialServiceStub uploads;

	private final MaterialProperties properties;

	MaterialRestController(MaterialServiceBlockingStub materials, MaterialServiceStub uploads, MaterialProperties properties) {
		this.materials = materials;
		this.uploads = uploads;
		this.properties = properties;
	}

	@GetMapping("/sessions/{id}/materials")
	@Operation(summary = "List a session's materials", description = "By position. Whoever may see the session.")
	DataList<MaterialView> list(@PathVariable String id) {
		return new DataList<>(this.materials.listMaterials(ListMaterialsRequest.newBuilder().setSessionId(id).build())
			.getMaterialsList()
			.stream()
			.map(MaterialView::of)
			.toList());
	}

	@PostMapping(path = "/sessions/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file", description = "multipart/form-data with the part file (its Content-Type is "
			+ "the declared type) and the fields title and kind (SLIDES, DOCUMENT, VIDEO, IMAGE, ARCHIVE, OTHER). The "
			+ "event's organizer, an administrator or one of the session's speakers. 413 above the size limit (50 MB by "
			+ "default); 415 when the type is not accepted or the bytes are not what the declared type says.")
	ResponseEntity<MaterialView> upload(@PathVariable String id, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String title, @RequestParam(required = false) String kind) throws IOException {
		MaterialUpload metadata = MaterialUpload.newBuilder()
			.setSessionId(id)
			.setKind(MaterialInputs.kind(kind))
			.setTitle(title == null ? "" : title)
			.setFileName(file.getOriginalFilename() == null ? "" : file.getOriginalFilename())
			.setContentType(file.getContentType() == null || MediaType.APPLICATION_OCTET_STREAM_VALUE.equals(file.getContentType())
					? "" : file.getContentType())
			.setSizeBytes(file.getSize())
			.build();
		try (InputStream content = file.getInputStream()) {
			return created(CoreUpload.send(this.uploads, this.properties.timeout(), metadata, content));
		}
	}

	@PostMapping(path = "/sessions/{id}/materials", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a link", description = "Body: {title, url (http or https), kind (default LINK)}.")
	ResponseEntity<MaterialView> addLink(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return created(this.materials.addMaterialLink(MaterialInputs.link(id, body)));
	}

	@GetMapping("/materials/{id}")
	@Operation(summary = "Get a material's metadata", description = "304 when If-None-Match holds the current ETag.")
	ResponseEntity<MaterialView> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		MaterialView view = MaterialView.of(this.materials.getMaterial(GetMaterialRequest.newBuilder().setId(id).build()));
		if (view.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(view.etag()).build();
		}
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@GetMapping(path = "/materials/{id}/content", produces = MediaType.ALL_VALUE)
	@Operation(summary = "Download a file", description = "With its stored Content-Type, as an attachment. The ETag is "
			+ "the content's SHA-256: If-None-Match with it answers 304. A link has no content (409).")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		if (ifNoneMatch != null) {
			Material material = this.materials.getMaterial(GetMaterialRequest.newBuilder().setId(id).build());
			if (contentEtag(material).equals(ifNoneMatch) && material.getUrl().isEmpty()) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(contentEtag(material)).cacheControl(caching()).build();
			}
		}
		// The call runs in a context of its own, cancelled when the body is written or the client
		// goes away, so an abandoned download does not keep core's stream open until its deadline.
		Context.CancellableContext call = Context.current().withCancellation();
		Iterator<DownloadMaterialResponse> parts;
		Material material;
		Context previous = call.attach();
		try {
			parts = this.materials.withDeadlineAfter(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
				.downloadMaterial(DownloadMaterialRequest.newBuilder().setId(id).build());
			// The first message is read before answering, so a refusal still gets its status and envelope.
			material = parts.next().getMetadata();
		}
		catch (RuntimeException ex) {
			call.cancel(ex);
			throw ex;
		}
		finally {
			call.detach(previous);
		}
		StreamingResponseBody body = out -> {
			try {
				while (parts.hasNext()) {
					parts.next().getChunk().writeTo(out);
				}
			}
			finally {
				call.cancel(null);
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(material.getContentType()))
			.contentLength(material.getSizeBytes())
			.eTag(contentEtag(material))
			.cacheControl(caching())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(material.getFileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	@PatchMapping(path = "/materials/{id}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a material", description = "Body: any of title, kind, position. If-Match makes it "
			+ "conditional (412 when stale).")
	ResponseEntity<MaterialView> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MaterialView view = MaterialView.of(this.materials.updateMaterial(MaterialInputs.update(id, body, Etags.version(ifMatch))));
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	@DeleteMapping("/materials/{id}")
	@Operation(summary = "Delete a material", description = "Its file is removed too. If-Match makes it conditional.")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.materials.deleteMaterial(DeleteMaterialRequest.newBuilder().setId(id).setExpectedVersion(Etags.version(ifMatch)).build());
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<MaterialView> created(Material material) {
		MaterialView view = MaterialView.of(material);
		return ResponseEntity.created(URI.create("/api/v1/materials/" + view.id())).eTag(view.etag()).body(view);
	}

	private static String contentEtag(Material material) {
		return "\"" + material.getSha256() + "\"";
	}

	/** Materials of hidden events need credentials, so only the client keeps a copy, checking it each time. */
	private static CacheControl caching() {
		return CacheControl.noCache().cachePrivate();
	}

}
