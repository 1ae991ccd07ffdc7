package org.convene.core.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.convene.common.v1.proto.PageRequest;
import org.convene.core.support.TicketIntegrationTest;
import org.convene.ticket.v1.proto.CheckInListEntry;
import org.convene.ticket.v1.proto.CheckInRequest;
import org.convene.ticket.v1.proto.ListCheckInsRequest;
import org.convene.ticket.v1.proto.ListCheckInsResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.support.Failures.failureOf;
import static org.convene.core.user.Refusals.assertInvalid;

/** The check-in list: who is confirmed, who is in, with filters, search and pages. */
class CheckInListTests extends TicketIntegrationTest {

	private UUID vipTypeId;

	@BeforeEach
	void attendees() {
		this.vipTypeId = this.fixtures.ticketType(this.event.getId(), "VIP");
		UUID ada = confirmed("Ada Lovelace");
		confirmed("Grace Hopper");
		UUID alan = this.fixtures.confirmed(this.event.getId(), this.vipTypeId, null, "Alan Turing");
		confirmed("Barbara Liskov");
		this.fixtures.confirmed(this.event.getId(), this.vipTypeId, null, "Edsger Dijkstra");
		this.fixtures.pending(this.event.getId(), this.ticketTypeId, null, "Paula Pending");
		this.fixtures.cancel(confirmed("Carl Cancelled"), Instant.now());
		admit(ada);
		admit(alan);
	}

	private void admit(UUID registration) {
		this.checkIns.checkIn(CheckInRequest.newBuilder()
			.setCode(codeOf(registration))
			.setEventId(this.event.getId())
			.setDeviceId("door-1")
			.build());
	}

	private ListCheckInsResponse list(ListCheckInsRequest.Builder request) {
		return this.checkIns.listCheckIns(request.setEventId(this.event.getId()).build());
	}

	private static List<String> names(ListCheckInsResponse response) {
		return response.getEntriesList().stream().map(entry -> entry.getRegistration().getAttendee().getName()).toList();
	}

	@Test
	void listsConfirmedAndAdmittedAttendeesByNameWithTheirAdmissionsAndCounts() {
		ListCheckInsResponse response = list(ListCheckInsRequest.newBuilder());

		assertThat(names(response)).containsExactly("Ada Lovelace", "Alan Turing", "Barbara Liskov", "Edsger Dijkstra",
				"Grace Hopper");
		assertThat(response.getEntriesList()).filteredOn(CheckInListEntry::hasCheckIn)
			.extracting(entry -> entry.getRegistration().getAttendee().getName())
			.containsExactly("Ada Lovelace", "Alan Turing");
		assertThat(response.getTotalCount()).isEqualTo(5);
		assertThat(response.getCheckedInCount()).isEqualTo(2);
	}

	@Test
	void filtersByAdmissionAndTicketType() {
		assertThat(names(list(ListCheckInsRequest.newBuilder().setCheckedIn(true)))).containsExactly("Ada Lovelace",
				"Alan Turing");
		assertThat(names(list(ListCheckInsRequest.newBuilder().setCheckedIn(false)))).containsExactly("Barbara Liskov",
				"Edsger Dijkstra", "Grace Hopper");
		ListCheckInsResponse vips = list(ListCheckInsRequest.newBuilder().setTicketTypeId(this.vipTypeId.toString()));
		assertThat(names(vips)).containsExactly("Alan Turing", "Edsger Dijkstra");
		assertThat(vips.getTotalCount()).isEqualTo(2);
		assertThat(vips.getCheckedInCount()).isEqualTo(1);
	}

	@Test
	void searchesNamesAndEmailAddressesIgnoringCase() {
		assertThat(names(list(ListCheckInsRequest.newBuilder().setQuery("LOVE")))).containsExactly("Ada Lovelace");
		assertThat(names(list(ListCheckInsRequest.newBuilder().setQuery("grace.hopper.")))).containsExactly("Grace Hopper");
		assertThat(names(list(ListCheckInsRequest.newBuilder().setQuery("%")))).isEmpty();
	}

	@Test
	void pagesThroughTheListWithPageTokens() {
		List<String> seen = new ArrayList<>();
		ListCheckInsResponse page = list(
				ListCheckInsRequest.newBuilder().setPage(PageRequest.newBuilder().setPageSize(2).setIncludeTotalSize(true)));
		seen.addAll(names(page));
		assertThat(page.getPageInfo().getTotalSize()).isEqualTo(5);
		while (page.getPageInfo().getHasNextPage()) {
			page = list(ListCheckInsRequest.newBuilder()
				.setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(page.getPageInfo().getNextPageToken())));
			seen.addAll(names(page));
		}

		assertThat(seen).containsExactly("Ada Lovelace", "Alan Turing", "Barbara Liskov", "Edsger Dijkstra", "Grace Hopper");
		assertInvalid(failureOf(() -> list(ListCheckInsRequest.newBuilder().setPage(PageRequest.newBuilder().setPageSize(101)))),
				"pageSize");
	}

}
