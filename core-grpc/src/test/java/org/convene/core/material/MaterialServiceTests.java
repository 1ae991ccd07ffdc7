package org.convene.core.material;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.auth.Scopes;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.grpc.ApiError;
import org.convene.grpc.ProtoTime;
import org.convene.session.v1.proto.AddMaterialLinkRequest;
import org.convene.session.v1.proto.AssignSpeakerRequest;
import org.convene.session.v1.proto.BatchListMaterialsRequest;
import org.convene.session.v1.proto.CreateSessionRequest;
import org.convene.session.v1.proto.DeleteMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialRequest;
import org.convene.session.v1.proto.DownloadMaterialResponse;
import org.convene.session.v1.proto.GetMaterialRequest;
import org.convene.session.v1.proto.ListMaterialsRequest;
import org.convene.session.v1.proto.Material;
import org.convene.session.v1.proto.MaterialKind;
import org.convene.session.v1.proto.MaterialPatch;
import org.convene.session.v1.proto.MaterialServiceGrpc;
import org.convene.session.v1.proto.MaterialUpload;
import org.convene.session.v1.proto.Session;
import org.convene.session.v1.proto.SessionDraft;
import org.convene.session.v1.proto.SessionMaterials;
import org.convene.session.v1.proto.SessionServiceGrpc;
import org.convene.session.v1.proto.UpdateMaterialRequest;
import org.convene.session.v1.proto.UploadMaterialRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.schema.core.Tables.SESSION_MATERIAL;

/**
 * MaterialService over a real gRPC channel, PostgreSQL and the local content store in a
 * temporary folder, with a 256 KiB limit: what is stored is what is downloaded, and a refused
 * upload leaves neither a row nor a file.
 */
@TestPropertySource(properties = "convene.materials.max-size=256KB")
class MaterialServiceTests extends RegistrationIntegrationTest {

	private static final Path STORE;

	static {
		try {
			STORE = Files.createTempDirectory("convene-materials");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final byte[] EXECUTABLE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0 };

	private Session session;

	private MaterialServiceGrpc.MaterialServiceBlockingStub organizerMaterials;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("convene.storage.directory", STORE::toString);
	}

	@BeforeEach
	void session() {
		this.organizerMaterials = materialsAs(this.organizer, "ORGANIZER");
		this.session = newSession(publishedEvent(null), "Keynote");
	}

	private Session newSession(Event event, String title) {
		return bearer(SessionServiceGrpc.newBlockingStub(this.channel), token(this.organizer, "ORGANIZER"))
			.createSession(CreateSessionRequest.newBuilder()
				.setEventId(event.getId())
				.setSession(SessionDraft.newBuilder()
					.setTitle(title)
					.setStartsAt(ProtoTime.of(START))
					.setEndsAt(ProtoTime.of(START.plus(45, ChronoUnit.MINUTES))))
				.build());
	}

	private void assignSpeaker(Session session, UUID user) {
		bearer(SessionServiceGrpc.newBlockingStub(this.channel), token(this.organizer, "ORGANIZER"))
			.assignSpeaker(AssignSpeakerRequest.newBuilder().setSessionId(session.getId()).setUserId(user.toString()).build());
	}

	private String token(UUID user, String... roles) {
		return this.tokens.user(user, Set.of(roles), Scopes.EVENTS_READ, Scopes.EVENTS_WRITE, Scopes.SESSIONS_READ,
				Scopes.SESSIONS_WRITE);
	}

	private MaterialServiceGrpc.MaterialServiceBlockingStub materialsAs(UUID user, String... roles) {
		return bearer(MaterialServiceGrpc.newBlockingStub(this.channel), token(user, roles));
	}

	private MaterialServiceGrpc.MaterialServiceStub uploaderAs(UUID user, String... roles) {
		return bearer(MaterialServiceGrpc.newStub(this.channel), token(user, roles));
	}

	/** Uploads the bytes in chunks of 64 KiB; the stored material, or the status the call failed with. */
	private static Material upload(MaterialServiceGrpc.MaterialServiceStub stub, MaterialUpload.Builder metadata, byte[] content) {
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
		requests.onNext(UploadMaterialRequest.newBuilder().setMetadata(metadata).build());
		for (int offset = 0; offset < content.length && !result.isDone(); offset += 64 * 1024) {
			requests.onNext(UploadMaterialRequest.newBuilder()
				.setChunk(ByteString.copyFrom(content, offset, Math.min(64 * 1024, content.length - offset)))
				.build());
		}
		requests.onCompleted();
		try {
			return result.get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw (RuntimeException) ex.getCause();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Material upload(MaterialUpload.Builder metadata, byte[] content) {
		return upload(uploaderAs(this.organizer, "ORGANIZER"), metadata, content);
	}

	private MaterialUpload.Builder pdf(String fileName) {
		return MaterialUpload.newBuilder()
			.setSessionId(this.session.getId())
			.setKind(MaterialKind.MATERIAL_KIND_SLIDES)
			.setFileName(fileName)
			.setContentType("application/pdf");
	}

	private static byte[] pdfBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		byte[] header = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	private byte[] download(MaterialServiceGrpc.MaterialServiceBlockingStub stub, Material material) {
		Iterator<DownloadMaterialResponse> parts = stub.downloadMaterial(DownloadMaterialRequest.newBuilder().setId(material.getId()).build());
		assertThat(parts.next().getMetadata()).isEqualTo(material);
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		parts.forEachRemaining(part -> {
			assertThat(part.getChunk().size()).isBetween(1, 64 * 1024);
			content.writeBytes(part.getChunk().toByteArray());
		});
		return content.toByteArray();
	}

	/** The files in the store, part files of unfinished uploads included. */
	private static List<Path> storedFiles() {
		try (Stream<Path> files = Files.walk(STORE)) {
			return files.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every file in the store has its row and every file's row its file. */
	private void assertStoreMatchesRows() {
		List<String> keys = this.db.select(SESSION_MATERIAL.STORAGE_KEY)
			.from(SESSION_MATERIAL)
			.where(SESSION_MATERIAL.STORAGE_KEY.isNotNull())
			.fetch(SESSION_MATERIAL.STORAGE_KEY);
		assertThat(storedFiles()).map(path -> STORE.relativize(path).toString().replace('\\', '/'))
			.containsExactlyInAnyOrderElementsOf(keys);
	}

	private int rowsOf(Session session) {
		return this.db.fetchCount(SESSION_MATERIAL, SESSION_MATERIAL.SESSION_ID.eq(UUID.fromString(session.getId())));
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	private static ApiError errorOf(StatusRuntimeException failure) {
		return ApiError.fromThrowable(failure);
	}

	@Nested
	class Files_ {

		@Test
		void downloadsExactlyTheBytesUploadedWithTheirHash() throws Exception {
			byte[] content = pdfBytes(200_000, 1);

			Material material = upload(pdf("C:\\talks\\2030\\deck.pdf").setTitle(" The deck "), content);

			assertThat(material.getFileName()).isEqualTo("deck.pdf");
			assertThat(material.getTitle()).isEqualTo("The deck");
			assertThat(material.getContentType()).isEqualTo("application/pdf");
			assertThat(material.getSizeBytes()).isEqualTo(content.length);
			assertThat(material.getSha256()).isEqualTo(sha256(content));
			assertThat(material.getKind()).isEqualTo(MaterialKind.MATERIAL_KIND_SLIDES);
			assertThat(material.getAddedByUserId()).isEqualTo(organizer.toString());
			assertThat(download(MaterialServiceGrpc.newBlockingStub(channel), material)).isEqualTo(content);
			assertThat(organizerMaterials.listMaterials(ListMaterialsRequest.newBuilder().setSessionId(session.getId()).build())
				.getMaterialsList()).containsExactly(material);
			assertStoreMatchesRows();
		}

		@Test
		void refusesAFileLargerThanTheLimitAndKeepsNothingOfIt() {
			byte[] content = pdfBytes(256 * 1024 + 1, 2);

			StatusRuntimeException failure = failureOf(() -> upload(pdf("big.pdf"), content));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
			assertThat(rowsOf(session)).isZero();
			assertStoreMatchesRows();
		}

		@Test
		void refusesADeclaredSizeAboveTheLimitBeforeAnyContent() {
			StatusRuntimeException failure = failureOf(() -> upload(pdf("big.pdf").setSizeBytes(10_000_000), new byte[0]));

			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
			assertThat(rowsOf(session)).isZero();
		}

		@Test
		void refusesAnExecutableNamedAsSlidesNamingWhatItIs() {
			StatusRuntimeException failure = failureOf(() -> upload(pdf("slides.pdf"), EXECUTABLE));

			assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
			assertThat(errorOf(failure).details()).contains("application/x-msdownload");
			assertThat(rowsOf(session)).isZero();
			assertStoreMatchesRows();
		}

		@Test
		void refusesAnArchiveDeclaredAsAPdf() {
			byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

			StatusRuntimeException failure = failureOf(() -> upload(pdf("slides.pdf"), zip));

			assertThat(errorOf(failure).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
			assertThat(errorOf(failure).details()).contains("application/zip");
			assertThat(rowsOf(session)).isZero();
		}

		@Test
		void anUploadTheClientAbandonsLeavesNothingBehind() {
			StreamObserver<UploadMaterialRequest> requests = uploaderAs(organizer, "ORGANIZER")
				.uploadMaterial(new StreamObserver<>() {
					@Override
					public void onNext(Material material) {
					}

					@Override
					public void onError(Throwable failure) {
					}

					@Override
					public void onCompleted() {
					}
				});
			requests.onNext(UploadMaterialRequest.newBuilder().setMetadata(pdf("half.pdf")).build());
			requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(pdfBytes(60_000, 9))).build());
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !storedFiles().isEmpty());

			requests.onError(Status.CANCELLED.asRuntimeException());

			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(MaterialServiceTests.this::assertStoreMatchesRows);
			assertThat(rowsOf(session)).isZero();
		}

		@Test
		void refusesTypesThatAreNotAcceptedWhateverTheBytes() {
			StatusRuntimeException declared = failureOf(() -> upload(pdf("page.html").setContentType("text/html"),
					"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
			StatusRuntimeException detected = failureOf(() -> upload(pdf("setup.exe").setContentType(""), EXECUTABLE));

			assertThat(errorOf(declared).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
			assertThat(errorOf(detected).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
			assertThat(rowsOf(session)).isZero();
		}

		@Test
		void takesTheTypeFromTheBytesWhenNoneIsDeclared() {
			byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1 };

			Material material = upload(pdf("whiteboard.png").setContentType("").setKind(MaterialKind.MATERIAL_KIND_IMAGE), png);
			Material markdown = upload(pdf("notes.md").setContentType("text/markdown").setKind(MaterialKind.MATERIAL_KIND_DOCUMENT),
					"# Notes\n\nSee *the slides*.\n".getBytes(StandardCharsets.UTF_8));

			assertThat(material.getContentType()).isEqualTo("image/png");
			assertThat(markdown.getContentType()).isEqualTo("text/markdown");
		}

		@Test
		void refusesEmptyFilesFoldersAsNamesAndChunksAboveTheirSize() {
			assertThat(errorOf(failureOf(() -> upload(pdf("empty.pdf"), new byte[0]))).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(errorOf(failureOf(() -> upload(pdf("../"), pdfBytes(100, 3)))).target()).isEqualTo("fileName");
			assertThat(errorOf(failureOf(() -> upload(pdf("deck.pdf").setKind(MaterialKind.MATERIAL_KIND_LINK), pdfBytes(100, 3))))
				.target()).isEqualTo("kind");
			assertThat(rowsOf(session)).isZero();
			assertStoreMatchesRows();
		}

		@Test
		void deletingAMaterialRemovesItsFile() {
			Material material = upload(pdf("deck.pdf"), pdfBytes(70_000, 4));
			assertThat(storedFiles()).isNotEmpty();

			organizerMaterials.deleteMaterial(DeleteMaterialRequest.newBuilder().setId(material.getId()).build());

			assertThat(failureOf(() -> organizerMaterials.getMaterial(GetMaterialRequest.newBuilder().setId(material.getId()).build()))
				.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(rowsOf(session)).isZero();
			assertStoreMatchesRows();
		}

		@Test
		void concurrentUploadsAreEachStoredWhole() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(6);
			List<CompletableFuture<Material>> uploads = new ArrayList<>();
			List<byte[]> contents = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				byte[] content = pdfBytes(100_000 + i, 10 + i);
				contents.add(content);
				MaterialUpload.Builder metadata = pdf("deck-" + i + ".pdf");
				uploads.add(CompletableFuture.supplyAsync(() -> upload(metadata, content), pool));
			}

			List<Material> materials = new ArrayList<>();
			for (CompletableFuture<Material> upload : uploads) {
				materials.add(upload.get(60, TimeUnit.SECONDS));
			}
			pool.shutdown();

			assertThat(materials).extracting(Material::getPosition).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
			for (int i = 0; i < 6; i++) {
				assertThat(download(organizerMaterials, materials.get(i))).isEqualTo(contents.get(i));
			}
			assertStoreMatchesRows();
		}

	}

	@Nested
	class Links {

		private AddMaterialLinkRequest.Builder link(String url) {
			return AddMaterialLinkRequest.newBuilder().setSessionId(session.getId()).setTitle("Recording").setUrl(url);
		}

		@Test
		void addsHttpAndHttpsLinksWithoutContent() {
			Material recording = organizerMaterials.addMaterialLink(link("https://video.example.org/watch?v=42")
				.setKind(MaterialKind.MATERIAL_KIND_VIDEO)
				.build());
			Material page = organizerMaterials.addMaterialLink(link(" http://example.org/talk ").build());

			assertThat(recording.getUrl()).isEqualTo("https://video.example.org/watch?v=42");
			assertThat(recording.getKind()).isEqualTo(MaterialKind.MATERIAL_KIND_VIDEO);
			assertThat(recording.getFileName()).isEmpty();
			assertThat(recording.getSizeBytes()).isZero();
			assertThat(page.getKind()).isEqualTo(MaterialKind.MATERIAL_KIND_LINK);
			assertThat(page.getUrl()).isEqualTo("http://example.org/talk");
			assertThat(page.getPosition()).isEqualTo(recording.getPosition() + 1);
			assertThat(errorOf(failureOf(() -> organizerMaterials.downloadMaterial(DownloadMaterialRequest.newBuilder()
				.setId(page.getId())
				.build()).next())).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
		}

		@Test
		void refusesUrlsThatAreNotWebAddresses() {
			for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "https://",
					"https://user:secret@example.org/", "https://exa mple.org/", "", "/relative/path")) {
				StatusRuntimeException failure = failureOf(() -> organizerMaterials.addMaterialLink(link(url).build()));

				assertThat(errorOf(failure).code()).as(url).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(errorOf(failure).violations()).as(url).extracting(v -> v.field()).containsExactly("url");
			}
			assertThat(rowsOf(session)).isZero();
		}

		@Test
		void changesTitleKindAndPositionAtTheExpectedVersion() {
			Material material = organizerMaterials.addMaterialLink(link("https://example.org/a").build());

			Material changed = organizerMaterials.updateMaterial(UpdateMaterialRequest.newBuilder()
				.setId(material.getId())
				.setMaterial(MaterialPatch.newBuilder().setTitle("Repository").setKind(MaterialKind.MATERIAL_KIND_OTHER).setPosition(7))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title").addPaths("kind").addPaths("position"))
				.setExpectedVersion(1)
				.build());
			StatusRuntimeException stale = failureOf(() -> organizerMaterials.updateMaterial(UpdateMaterialRequest.newBuilder()
				.setId(material.getId())
				.setMaterial(MaterialPatch.newBuilder().setTitle("Lost"))
				.setUpdateMask(FieldMask.newBuilder().addPaths("title"))
				.setExpectedVersion(1)
				.build()));

			assertThat(changed.getTitle()).isEqualTo("Repository");
			assertThat(changed.getKind()).isEqualTo(MaterialKind.MATERIAL_KIND_OTHER);
			assertThat(changed.getPosition()).isEqualTo(7);
			assertThat(changed.getVersion()).isEqualTo(2);
			assertThat(errorOf(stale).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
		}

	}

	@Nested
	class Access {

		@Test
		void theSessionsSpeakerAddsMaterialsASpeakerOfAnotherSessionMayNot() {
			UUID speaker = newUser("Sam Speaker");
			UUID otherSpeaker = newUser("Otto Other");
			assignSpeaker(session, speaker);
			Session other = newSession(publishedEvent(null), "Other talk");
			assignSpeaker(other, otherSpeaker);

			Material slides = upload(uploaderAs(speaker), pdf("mine.pdf"), pdfBytes(1000, 5));
			StatusRuntimeException refused = failureOf(() -> upload(uploaderAs(otherSpeaker), pdf("theirs.pdf"), pdfBytes(1000, 6)));
			StatusRuntimeException deleting = failureOf(() -> materialsAs(otherSpeaker)
				.deleteMaterial(DeleteMaterialRequest.newBuilder().setId(slides.getId()).build()));

			assertThat(slides.getAddedByUserId()).isEqualTo(speaker.toString());
			assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(deleting.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
			assertThat(rowsOf(session)).isEqualTo(1);
			assertStoreMatchesRows();
		}

		@Test
		void anyoneWhoSeesTheSessionListsAndDownloadsOthersChangeNothing() {
			Material material = upload(pdf("deck.pdf"), pdfBytes(5000, 7));
			UUID attendee = newUser("Ada Attendee");

			List<Material> anonymous = MaterialServiceGrpc.newBlockingStub(channel)
				.listMaterials(ListMaterialsRequest.newBuilder().setSessionId(session.getId()).build())
				.getMaterialsList();
			StatusRuntimeException anonymousAdd = failureOf(() -> MaterialServiceGrpc.newBlockingStub(channel)
				.addMaterialLink(AddMaterialLinkRequest.newBuilder().setSessionId(session.getId()).setTitle("x").setUrl("https://x.org").build()));
			StatusRuntimeException attendeeAdd = failureOf(() -> materialsAs(attendee)
				.addMaterialLink(AddMaterialLinkRequest.newBuilder().setSessionId(session.getId()).setTitle("x").setUrl("https://x.org").build()));

			assertThat(anonymous).containsExactly(material);
			assertThat(download(materialsAs(attendee), material)).hasSize(5000);
			assertThat(anonymousAdd.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
			assertThat(attendeeAdd.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		}

		@Test
		void batchListingLeavesOutSessionsOfHiddenEvents() {
			Material material = organizerMaterials.addMaterialLink(AddMaterialLinkRequest.newBuilder()
				.setSessionId(session.getId())
				.setTitle("Site")
				.setUrl("https://example.org")
				.build());
			Session second = newSession(publishedEvent(null), "Second");
			UUID other = newUser("Olivia Other", "ORGANIZER");
			Event draft = eventsAs(other, "ORGANIZER").createEvent(org.convene.core.v1.proto.CreateEventRequest.newBuilder()
				.setEvent(org.convene.core.support.Drafts.event("Hidden", START, START.plus(2, ChronoUnit.HOURS)))
				.build());
			Session hidden = bearer(SessionServiceGrpc.newBlockingStub(channel), token(other, "ORGANIZER"))
				.createSession(CreateSessionRequest.newBuilder()
					.setEventId(draft.getId())
					.setSession(SessionDraft.newBuilder()
						.setTitle("Secret")
						.setStartsAt(ProtoTime.of(START))
						.setEndsAt(ProtoTime.of(START.plus(30, ChronoUnit.MINUTES))))
					.build());

			List<SessionMaterials> lists = MaterialServiceGrpc.newBlockingStub(channel)
				.batchListMaterials(BatchListMaterialsRequest.newBuilder()
					.addSessionIds(session.getId())
					.addSessionIds(hidden.getId())
					.addSessionIds(second.getId())
					.build())
				.getListsList();

			assertThat(lists).extracting(SessionMaterials::getSessionId).containsExactly(session.getId(), second.getId());
			assertThat(lists.get(0).getMaterialsList()).containsExactly(material);
			assertThat(lists.get(1).getMaterialsList()).isEmpty();
			assertThat(failureOf(() -> MaterialServiceGrpc.newBlockingStub(channel)
				.listMaterials(ListMaterialsRequest.newBuilder().setSessionId(hidden.getId()).build())).getStatus().getCode())
				.isEqualTo(Status.Code.NOT_FOUND);
		}

	}

}
