package org.convene.gateway.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.convene.gateway.support.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators read the audit log through REST and GraphQL: who did what, through which client, with which outcome. */
class AuditLogTests extends GatewayIntegrationTest {

	@Test
	void recordsACallWithItsCallerClientOutcomeAndChangeFindableByCorrelationId() {
		String correlationId = "audit-" + UUID.randomUUID();
		this.http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).header("X-Correlation-ID", correlationId)
			.bodyValue(Map.of("title", "Audited", "startsAt", "2031-01-01T10:00:00Z", "endsAt", "2031-01-01T11:00:00Z",
					"timeZone", "UTC"))
			.exchange().expectStatus().isCreated();

		Map<?, ?> record = awaitAuditRecord(Map.of("correlationId", correlationId));

		assertThat(record.get("operation")).isEqualTo("convene.core.v1.EventService/CreateEvent");
		assertThat(record.get("outcome")).isEqualTo("OK");
		assertThat(record.get("actor")).isEqualTo("client:" + ADMIN_CLIENT);
		assertThat(record.get("clientId")).isEqualTo(ADMIN_CLIENT);
		assertThat((List<?>) record.get("changes")).singleElement()
			.satisfies(change -> assertThat(((Map<?, ?>) change).get("eventType")).isEqualTo("event.created"));
	}

	@Test
	void recordsRefusalsTooAndServesThemThroughGraphQl() {
		String correlationId = "audit-" + UUID.randomUUID();
		this.anonymous.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).header("X-Correlation-ID", correlationId)
			.bodyValue(Map.of("title", "Refused")).exchange().expectStatus().isUnauthorized();
		awaitAuditRecord(Map.of("correlationId", correlationId));

		this.graphQl.document("query($filter: AuditRecordFilter) { auditRecords(filter: $filter, first: 5) "
				+ "{ nodes { actor outcome operation } pageInfo { hasNextPage } } }")
			.variable("filter", Map.of("correlationId", correlationId))
			.execute()
			.path("auditRecords.nodes[0].actor").entity(String.class).isEqualTo("anonymous")
			.path("auditRecords.nodes[0].outcome").entity(String.class).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void pagesByCursorWithALinkToTheNextPage() {
		this.http.get().uri("/api/v1/audit-records?pageSize=1").exchange().expectStatus().isOk()
			.expectHeader().value("Link", link -> assertThat(link).contains("cursor=").contains("rel=\"next\""))
			.expectBody().jsonPath("$.data.length()").isEqualTo(1).jsonPath("$.nextCursor").isNotEmpty();
	}

	@Test
	void refusesAnUnreadableTimeAndAnUnknownParameterNamingThem() {
		this.http.get().uri("/api/v1/audit-records?from=yesterday").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.target").isEqualTo("from");
		this.http.get().uri("/api/v1/audit-records?page=2").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.target").isEqualTo("page");
	}

}
