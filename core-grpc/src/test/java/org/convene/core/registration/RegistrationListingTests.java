package org.convene.core.registration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.google.protobuf.ByteString;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.PageRequest;
import org.convene.core.support.RegistrationIntegrationTest;
import org.convene.core.v1.proto.Event;
import org.convene.registration.v1.proto.Attendee;
import org.convene.registration.v1.proto.BatchCreateRegistrationsRequest;
import org.convene.registration.v1.proto.ExportChunk;
import org.convene.registration.v1.proto.ExportRegistrationsRequest;
import org.convene.registration.v1.proto.ListRegistrationsRequest;
import org.convene.registration.v1.proto.ListRegistrationsResponse;
import org.convene.registration.v1.proto.Question;
import org.convene.registration.v1.proto.QuestionKind;
import org.convene.registration.v1.proto.Registration;
import org.convene.registration.v1.proto.RegistrationOrder;
import org.convene.registration.v1.proto.RegistrationStatus;
import org.convene.registration.v1.proto.TicketType;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationListingTests extends RegistrationIntegrationTest {

	private Event event;

	private TicketType standard;

	private TicketType vip;

	@BeforeEach
	void attendees() {
		this.event = publishedEvent(3);
		this.standard = ticketType(this.event, free("Standard").setPosition(1)
			.addQuestions(Question.newBuilder().setKey("company").setLabel("Company").setKind(QuestionKind.TEXT)));
		this.vip = ticketType(this.event, paid("VIP", 9900).setPosition(2));
		guest(this.standard, "Zoë Ärger", "zoe@example.test", "Umlaut GmbH");
		guest(this.standard, "Anna \"the\" Analyst, PhD", "anna@example.test", "Line one\nline two");
		guest(this.vip, "Bob Builder", "BOB@Example.test", null);
		this.organizerRegistrations.createRegistration(request(this.standard).setJoinWaitlist(true)
			.setAttendee(Attendee.newBuilder().setName("Wanda Waiting").setEmail("wanda@example.test"))
			.build());
	}

	private Registration guest(TicketType type, String name, String email, String company) {
		var request = request(type).setAttendee(Attendee.newBuilder().setName(name).setEmail(email));
		if (company != null) {
			request.putAnswers("company", company);
		}
		return this.organizerRegistrations.createRegistration(request.build());
	}

	private List<String> names(ListRegistrationsRequest.Builder request) {
		return this.organizerRegistrations.listRegistrations(request.setEventId(this.event.getId()).build())
			.getRegistrationsList()
			.stream()
			.map(registration -> registration.getAttendee().getName())
			.toList();
	}

	@Test
	void filtersByStatusTicketTypeAndTextInNameOrEmailIgnoringCase() {
		assertThat(names(ListRegistrationsRequest.newBuilder().setOrder(RegistrationOrder.CREATED_ASC)))
			.containsExactly("Zoë Ärger", "Anna \"the\" Analyst, PhD", "Bob Builder", "Wanda Waiting");
		assertThat(names(ListRegistrationsRequest.newBuilder().addStatuses(RegistrationStatus.PENDING_PAYMENT)))
			.containsExactly("Bob Builder");
		assertThat(names(ListRegistrationsRequest.newBuilder().setTicketTypeId(this.vip.getId()))).containsExactly("Bob Builder");
		assertThat(names(ListRegistrationsRequest.newBuilder().setQuery("bob@EXAMPLE"))).containsExactly("Bob Builder");
		assertThat(names(ListRegistrationsRequest.newBuilder().setQuery("ärg"))).containsExactly("Zoë Ärger");
		assertThat(names(ListRegistrationsRequest.newBuilder().setQuery("100%"))).isEmpty();
	}

	@Test
	void ordersByNameAndPagesWithTokens() {
		ListRegistrationsRequest.Builder request = ListRegistrationsRequest.newBuilder()
			.setEventId(this.event.getId())
			.setOrder(RegistrationOrder.ATTENDEE_NAME)
			.setPage(PageRequest.newBuilder().setPageSize(3).setIncludeTotalSize(true));

		ListRegistrationsResponse first = this.organizerRegistrations.listRegistrations(request.build());
		ListRegistrationsResponse second = this.organizerRegistrations.listRegistrations(request
			.setPage(PageRequest.newBuilder().setPageSize(3).setPageToken(first.getPageInfo().getNextPageToken()))
			.build());

		assertThat(first.getRegistrationsList()).extracting(r -> r.getAttendee().getName())
			.containsExactly("Anna \"the\" Analyst, PhD", "Bob Builder", "Wanda Waiting");
		assertThat(first.getPageInfo().getTotalSize()).isEqualTo(4);
		assertThat(second.getRegistrationsList()).extracting(r -> r.getAttendee().getName()).containsExactly("Zoë Ärger");
		assertThat(second.getPageInfo().getHasNextPage()).isFalse();
		assertThat(first.getRegistrationsList().get(2).getWaitlistPosition()).isEqualTo(1);
	}

	@Test
	void exportsTheAttendeeListAsCsvThatReadsBack() throws IOException {
		List<ExportChunk> chunks = new ArrayList<>();
		Iterator<ExportChunk> stream = this.organizerRegistrations
			.exportRegistrations(ExportRegistrationsRequest.newBuilder().setEventId(this.event.getId()).build());
		stream.forEachRemaining(chunks::add);
		ByteString file = chunks.stream().map(ExportChunk::getData).reduce(ByteString.EMPTY, ByteString::concat);

		List<CSVRecord> rows;
		try (CSVParser parser = CSVParser.parse(new StringReader(file.toString(StandardCharsets.UTF_8)),
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			assertThat(parser.getHeaderNames()).containsExactly("id", "status", "attendee name", "email", "ticket type", "price",
					"currency", "created", "confirmed", "checked in", "Company");
			rows = parser.getRecords();
		}

		assertThat(chunks.get(0).getContentType()).isEqualTo("text/csv; charset=utf-8");
		assertThat(chunks.get(0).getFileName()).isEqualTo("attendees-" + this.event.getId() + ".csv");
		assertThat(rows).extracting(row -> row.get("attendee name"))
			.containsExactly("Zoë Ärger", "Anna \"the\" Analyst, PhD", "Bob Builder", "Wanda Waiting");
		assertThat(rows.get(1).get("Company")).isEqualTo("Line one\nline two");
		assertThat(rows.get(2).get("price")).isEqualTo("99.00");
		assertThat(rows.get(2).get("status")).isEqualTo("PENDING_PAYMENT");
		assertThat(rows.get(2).get("confirmed")).isEmpty();
		assertThat(rows.get(0).get("Company")).isEqualTo("Umlaut GmbH");
		assertThat(file.toString(StandardCharsets.UTF_8)).contains("\"Anna \"\"the\"\" Analyst, PhD\"").contains("\r\n");
	}

	@Test
	void exportsLargeListsInChunksOfAbout64Kilobytes() {
		Event big = publishedEvent(null);
		TicketType type = ticketType(big, free("Standard").setMaxPerOrder(100));
		for (int batch = 0; batch < 6; batch++) {
			var request = BatchCreateRegistrationsRequest.newBuilder();
			for (int i = 0; i < 100; i++) {
				String name = "Attendee " + batch + "-" + i + " " + "x".repeat(150);
				request.addItems(request(type).setAttendee(Attendee.newBuilder().setName(name).setEmail(batch + "-" + i + "@example.test")));
			}
			this.organizerRegistrations.batchCreateRegistrations(request.build());
		}

		List<ExportChunk> chunks = new ArrayList<>();
		this.organizerRegistrations.exportRegistrations(ExportRegistrationsRequest.newBuilder().setEventId(big.getId()).build())
			.forEachRemaining(chunks::add);

		assertThat(chunks).hasSizeGreaterThan(1);
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.getData().size())
			.isBetween(RegistrationExport.CHUNK, RegistrationExport.CHUNK + 1024));
		assertThat(chunks.subList(1, chunks.size())).allSatisfy(chunk -> assertThat(chunk.getContentType()).isEmpty());
	}

}
