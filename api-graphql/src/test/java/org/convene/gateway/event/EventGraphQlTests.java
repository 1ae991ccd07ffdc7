package org.convene.gateway.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

class EventGraphQlTests extends GatewayIntegrationTest {

	private static final Instant START = Instant.now().plus(50, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private String create(Map<String, Object> input) {
		return this.graphQl.documentName("createEvent")
			.variable("input", input)
			.execute()
			.path("createEvent.__typename").entity(String.class).isEqualTo("EventResult")
			.path("createEvent.event.id").entity(String.class).get();
	}

	@Test
	void createsUpdatesPublishesAndCancelsThroughMutations() {
		String id = create(Json.event("GraphQL Summit", START));

		this.graphQl.documentName("updateEvent")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "title", "GraphQL Summit 2027", "capacity", 300))
			.execute()
			.path("updateEvent.event.title").entity(String.class).isEqualTo("GraphQL Summit 2027")
			.path("updateEvent.event.capacity").entity(Integer.class).isEqualTo(300)
			.path("updateEvent.event.version").entity(Integer.class).isEqualTo(2);
		this.graphQl.document("mutation { publishEvent(input: {id: \"" + id + "\", expectedVersion: 2}) "
				+ "{ ... on EventResult { event { status publishedAt } } } }")
			.execute()
			.path("publishEvent.event.status").entity(String.class).isEqualTo("PUBLISHED");
		this.graphQl.document("mutation { cancelEvent(input: {id: \"" + id + "\", reason: \"Low interest\"}) "
				+ "{ ... on EventResult { event { status cancellationReason } } } }")
			.execute()
			.path("cancelEvent.event.status").entity(String.class).isEqualTo("CANCELLED")
			.path("cancelEvent.event.cancellationReason").entity(String.class).isEqualTo("Low interest");
	}

	@Nested
	class UserErrors {

		@Test
		void invalidInputComesBackAsValidationFailedWithEveryField() {
			Map<String, Object> input = new LinkedHashMap<>(Json.event("Bad", START));
			input.put("timeZone", "Atlantis/Central");
			input.put("capacity", -5);

			graphQl.documentName("createEvent")
				.variable("input", input)
				.execute()
				.path("createEvent.__typename").entity(String.class).isEqualTo("ValidationFailed")
				.path("createEvent.code").entity(String.class).isEqualTo("VALIDATION_FAILED")
				.path("createEvent.fieldErrors[*].field").entityList(String.class).containsExactly("timeZone", "capacity");
		}

		@Test
		void aStaleVersionComesBackAsVersionConflict() {
			String id = create(Json.event("Contended", START));
			graphQl.documentName("updateEvent").variable("input", Map.of("id", id, "title", "First")).execute();

			graphQl.documentName("updateEvent")
				.variable("input", Map.of("id", id, "expectedVersion", 1, "title", "Second"))
				.execute()
				.path("updateEvent.__typename").entity(String.class).isEqualTo("VersionConflict")
				.path("updateEvent.code").entity(String.class).isEqualTo("PRECONDITION_FAILED");
		}

		@Test
		void anUnknownEventComesBackAsNotFound() {
			graphQl.documentName("updateEvent")
				.variable("input", Map.of("id", UUID.randomUUID().toString(), "title", "Ghost"))
				.execute()
				.path("updateEvent.__typename").entity(String.class).isEqualTo("NotFound");
		}

		@Test
		void publishingACancelledEventComesBackAsInvalidStateTransition() {
			String id = create(Json.event("Over", START));
			graphQl.document("mutation { cancelEvent(input: {id: \"" + id + "\", reason: \"Done\"}) { __typename } }").execute();

			graphQl.document("mutation { publishEvent(input: {id: \"" + id + "\"}) { __typename ... on InvalidStateTransition { target } } }")
				.execute()
				.path("publishEvent.__typename").entity(String.class).isEqualTo("InvalidStateTransition")
				.path("publishEvent.target").entity(String.class).isEqualTo("status");
		}

	}

	@Nested
	class Errors {

		@Test
		void aMissingEventIsNullWithAResourceNotFoundCode() {
			graphQl.document("{ event(id: \"" + UUID.randomUUID() + "\") { title } }")
				.execute()
				.errors()
				.satisfy(errors -> {
					assertThat(errors).hasSize(1);
					assertThat(errors.get(0).getExtensions()).containsEntry("code", "RESOURCE_NOT_FOUND")
						.containsKey("correlationId");
				})
				.path("event").valueIsNull();
		}

		@Test
		void syntaxAndSchemaErrorsCarryACodeToo() {
			graphQl.document("{ events { nodes { title ").execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_REQUEST"));
			graphQl.document("{ events { nodes { colour } } }").execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "VALIDATION_FAILED"));
		}

		@Test
		void aPageLargerThanTheMaximumIsRefusedNamingTheArgument() {
			graphQl.document("{ events(first: 500) { totalCount } }").execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "VALIDATION_FAILED")
					.containsEntry("target", "first"));
		}

		@Test
		void aQueryNestedTooDeeplyIsRefusedBeforeItRuns() {
			String deep = "{ events { nodes { " + "parent { ".repeat(12) + "id" + " }".repeat(12) + " } } }";

			for (int attempt = 0; attempt < 2; attempt++) { // the second from the parsed documents
				graphQl.document(deep).execute().errors()
					.satisfy(errors -> assertThat(errors).isNotEmpty()
						.allSatisfy(error -> assertThat(error.getExtensions()).containsKey("code")));
			}
		}

	}

	@Test
	void pagesForwardAndBackwardByCursor() {
		String tag = "gql-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			Map<String, Object> input = new LinkedHashMap<>(Json.event("Paged " + i, START.plus(i, ChronoUnit.HOURS)));
			input.put("tags", List.of(tag));
			create(input);
		}
		Map<String, Object> filter = Map.of("tags", List.of(tag));

		String endCursor = this.graphQl.documentName("eventPage").variable("filter", filter).variable("first", 2)
			.execute()
			.path("events.totalCount").entity(Integer.class).isEqualTo(5)
			.path("events.edges[*].node.title").entityList(String.class).containsExactly("Paged 0", "Paged 1")
			.path("events.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("events.pageInfo.endCursor").entity(String.class).get();
		String startCursor = this.graphQl.documentName("eventPage").variable("filter", filter).variable("first", 2)
			.variable("after", endCursor)
			.execute()
			.path("events.edges[*].node.title").entityList(String.class).containsExactly("Paged 2", "Paged 3")
			.path("events.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
			.path("events.pageInfo.startCursor").entity(String.class).get();

		this.graphQl.documentName("eventPage").variable("filter", filter).variable("last", 2).variable("before", startCursor)
			.execute()
			.path("events.edges[*].node.title").entityList(String.class).containsExactly("Paged 0", "Paged 1")
			.path("events.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		this.graphQl.documentName("eventPage").variable("filter", filter).variable("last", 2)
			.execute()
			.path("events.edges[*].node.title").entityList(String.class).containsExactly("Paged 3", "Paged 4")
			.path("events.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
			.path("events.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

}
