package org.convene.core.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.DSLContext;
import org.jooq.Record;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convene.core.auth.Caller;
import org.convene.core.auth.Scopes;
import org.convene.core.event.Events;
import org.convene.core.grpc.RequestContext;
import org.convene.core.tickettype.TicketTypes;
import org.convene.registration.v1.proto.ExportChunk;
import org.convene.registration.v1.proto.ExportRegistrationsRequest;
import org.convene.registration.v1.proto.Question;
import org.convene.schema.core.tables.records.TicketTypeRecord;

import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.TICKET_TYPE;

/**
 * The attendee list of an event as CSV (UTF-8, RFC 4180), streamed in chunks of about
 * 64 KB as rows are read: a header row, then one row per registration, oldest first, with a
 * column per question of the event's ticket types.
 */
@Service
class RegistrationExport {

	static final int CHUNK = 64 * 1024;

	private static final List<String> COLUMNS = List.of("id", "status", "attendee name", "email", "ticket type", "price",
			"currency", "created", "confirmed", "checked in");

	private final DSLContext db;

	private final Events events;

	private final TicketTypes ticketTypes;

	RegistrationExport(DSLContext db, Events events, TicketTypes ticketTypes) {
		this.db = db;
		this.events = events;
		this.ticketTypes = ticketTypes;
	}

	@Transactional(readOnly = true)
	public void export(ExportRegistrationsRequest request, StreamObserver<ExportChunk> out) {
		Caller caller = RequestContext.current().caller();
		UUID eventId = this.events.managed(caller, Applications.uuid(request.getEventId(), "eventId"),
				Scopes.REGISTRATIONS_READ, "eventId").getId();
		var filter = RegistrationListing.filter(request.getStatusesList(), request.getTicketTypeId(), request.getQuery());
		Map<String, String> questions = questions(eventId);
		List<String> header = new ArrayList<>(COLUMNS);
		header.addAll(questions.values());
		Chunks chunks = new Chunks(out, "attendees-" + eventId + ".csv");
		try (CSVPrinter csv = new CSVPrinter(chunks.writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
				Stream<Record> rows = this.db.select(REGISTRATION.asterisk(), TICKET_TYPE.NAME)
					.from(REGISTRATION)
					.join(TICKET_TYPE).on(TICKET_TYPE.ID.eq(REGISTRATION.TICKET_TYPE_ID))
					.where(REGISTRATION.EVENT_ID.eq(eventId).and(filter))
					.orderBy(REGISTRATION.CREATED_AT, REGISTRATION.ID)
					.fetchSize(500)
					.fetchStream()) {
			for (Record row : (Iterable<Record>) rows::iterator) {
				Map<String, String> answers = RegistrationRecords.answers(row.get(REGISTRATION.ANSWERS));
				List<String> values = new ArrayList<>(List.of(row.get(REGISTRATION.ID).toString(), row.get(REGISTRATION.STATUS),
						row.get(REGISTRATION.ATTENDEE_NAME), row.get(REGISTRATION.ATTENDEE_EMAIL), row.get(TICKET_TYPE.NAME),
						price(row.get(REGISTRATION.PRICE_AMOUNT), row.get(REGISTRATION.CURRENCY)), row.get(REGISTRATION.CURRENCY),
						time(row.get(REGISTRATION.CREATED_AT)), time(row.get(REGISTRATION.CONFIRMED_AT)),
						time(row.get(REGISTRATION.CHECKED_IN_AT))));
				questions.keySet().forEach(key -> values.add(answers.getOrDefault(key, "")));
				csv.printRecord(values);
				chunks.sendIfFull(csv);
			}
			csv.flush();
			chunks.sendRest();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.onCompleted();
	}

	/** Question labels by key, over the event's ticket types in display order; a key asked twice is one column. */
	private Map<String, String> questions(UUID eventId) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (TicketTypeRecord ticketType : this.ticketTypes.ofEvent(eventId)) {
			for (Question question : TicketTypes.questions(ticketType)) {
				labels.putIfAbsent(question.getKey(), question.getLabel());
			}
		}
		return labels;
	}

	/** Minor units as a decimal amount of the currency, e.g. 1250 EUR as 12.50. */
	static String price(long amount, String currency) {
		int digits;
		try {
			digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			digits = 0;
		}
		return BigDecimal.valueOf(amount, digits).toPlainString();
	}

	private static String time(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	/** Collects written bytes and sends them as chunks. */
	private static final class Chunks {

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);

		private final Writer writer = new OutputStreamWriter(this.buffer, StandardCharsets.UTF_8);

		private final StreamObserver<ExportChunk> out;

		private final String fileName;

		private boolean first = true;

		Chunks(StreamObserver<ExportChunk> out, String fileName) {
			this.out = out;
			this.fileName = fileName;
		}

		void sendIfFull(CSVPrinter csv) throws IOException {
			csv.flush();
			if (this.buffer.size() >= CHUNK) {
				send();
			}
		}

		void sendRest() {
			if (this.buffer.size() > 0 || this.first) {
				send();
			}
		}

		private void send() {
			ExportChunk.Builder chunk = ExportChunk.newBuilder().setData(ByteString.copyFrom(this.buffer.toByteArray()));
			if (this.first) {
				chunk.setContentType("text/csv; charset=utf-8").setFileName(this.fileName);
				this.first = false;
			}
			this.out.onNext(chunk.build());
			this.buffer.reset();
		}

	}

}
