package org.convene.gateway.idempotency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys of GraphQL mutations: the argument, the header, several mutations in one document. */
class IdempotencyGraphQlTests extends GatewayIntegrationTest {

	private static final Instant START = Instant.now().plus(70, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	private static final String CREATE = """
			mutation create($input: CreateEventInput!, $key: String) {
			  createEvent(input: $input, idempotencyKey: $key) {
			    __typename
			    ... on EventResult { event { id title } }
			  }
			}""";

	private static final String CREATE_TWO = """
			mutation createTwo($first: CreateEventInput!, $second: CreateEventInput!) {
			  first: createEvent(input: $first) { ... on EventResult { event { id } } }
			  second: createEvent(input: $second) { ... on EventResult { event { id } } }
			}""";

	private HttpGraphQlTester withHeader(String key) {
		return this.graphQl.mutate().header("Idempotency-Key", key).build();
	}

	private static GraphQlTester.Response create(GraphQlTester tester, String title, String key) {
		GraphQlTester.Request<?> request = tester.document(CREATE).variable("input", Json.event(title, START));
		if (key != null) {
			request = request.variable("key", key);
		}
		return request.execute();
	}

	private static String createdId(GraphQlTester.Response response) {
		return response.path("createEvent.event.id").entity(String.class).get();
	}

	@Test
	void replaysAMutationCalledAgainWithItsIdempotencyKeyArgument() {
		String key = UUID.randomUUID().toString();
		String title = "GraphQL replay " + key;

		String first = createdId(create(this.graphQl, title, key));
		String retry = createdId(create(this.graphQl, title, key));

		assertThat(retry).isEqualTo(first);
		assertThat(EventCounts.titled(title)).isEqualTo(1);
	}

	@Test
	void replaysAMutationCalledAgainWithTheIdempotencyKeyHeader() {
		String key = UUID.randomUUID().toString();
		String title = "GraphQL header replay " + key;

		String first = createdId(create(withHeader(key), title, null));
		String retry = createdId(create(withHeader(key), title, null));

		assertThat(retry).isEqualTo(first);
		assertThat(EventCounts.titled(title)).isEqualTo(1);
	}

	@Test
	void givesEachMutationOfADocumentItsOwnKeyFromTheHeader() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("first", Json.event("First of two " + key, START));
		variables.put("second", Json.event("Second of two " + key, START));

		List<String> ids = ids(withHeader(key).document(CREATE_TWO).variables(variables).execute());
		List<String> retried = ids(withHeader(key).document(CREATE_TWO).variables(variables).execute());

		assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
		assertThat(retried).isEqualTo(ids);
		assertThat(EventCounts.titled("First of two " + key)).isEqualTo(1);
		assertThat(EventCounts.titled("Second of two " + key)).isEqualTo(1);
	}

	@Test
	void prefersTheArgumentToTheHeader() {
		String key = UUID.randomUUID().toString();
		String title = "Argument first " + key;

		String first = createdId(create(this.graphQl, title, key));
		String withOtherHeader = createdId(create(withHeader(UUID.randomUUID().toString()), title, key));

		assertThat(withOtherHeader).isEqualTo(first);
		assertThat(EventCounts.titled(title)).isEqualTo(1);
	}

	@Test
	void reportsAKeyReusedWithOtherInputAsAnErrorWithItsCode() {
		String key = UUID.randomUUID().toString();
		create(this.graphQl, "Original input " + key, key).path("createEvent.__typename").entity(String.class)
			.isEqualTo("EventResult");

		create(this.graphQl, "Other input " + key, key).errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "IDEMPOTENCY_KEY_REUSED")
				.containsEntry("status", 422)
				.containsEntry("target", "Idempotency-Key");
		});
		assertThat(EventCounts.titled("Other input " + key)).isZero();
	}

	@Test
	void reportsAnInvalidArgumentKeyNamingTheArgument() {
		create(this.graphQl, "Bad key", "k".repeat(256)).errors().satisfy(errors -> {
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_REQUEST")
				.containsEntry("target", "idempotencyKey");
		});
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return List.of(response.path("first.event.id").entity(String.class).get(),
				response.path("second.event.id").entity(String.class).get());
	}

}
