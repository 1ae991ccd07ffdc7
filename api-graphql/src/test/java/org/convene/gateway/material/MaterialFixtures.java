package org.convene.gateway.material;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.http.HttpEntity;

import org.convene.gateway.support.Json;

/** Events, sessions and files for the material tests, made through the REST facade as the administration client. */
final class MaterialFixtures {

	static final Instant START = Instant.now().plus(80, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	static final byte[] EXECUTABLE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0 };

	private MaterialFixtures() {
	}

	/** A session of a new published event. */
	static String session(WebTestClient admin, String title) {
		Map<?, ?> event = admin.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Json.event(title, START))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		admin.post().uri("/api/v1/events/{id}/publish", event.get("id")).exchange().expectStatus().isOk();
		Map<?, ?> session = admin.post().uri("/api/v1/events/{id}/sessions", event.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", title, "startsAt", Json.berlin(START), "endsAt", Json.berlin(START.plus(45, ChronoUnit.MINUTES))))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) session.get("id");
	}

	/** Bytes that start as a PDF does. */
	static byte[] pdf(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		byte[] header = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	/** A multipart/form-data body: the file part with its name and type, and the title and kind fields. */
	static MultiValueMap<String, HttpEntity<?>> form(byte[] content, String fileName, String contentType, String title,
			String kind) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}).contentType(MediaType.parseMediaType(contentType));
		if (title != null) {
			form.part("title", title);
		}
		if (kind != null) {
			form.part("kind", kind);
		}
		return form.build();
	}

}
