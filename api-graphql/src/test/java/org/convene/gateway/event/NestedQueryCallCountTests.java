package org.convene.gateway.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import org.convene.gateway.support.GatewayIntegrationTest;
import org.convene.gateway.support.Json;
import org.convene.gateway.support.TestBackends;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list of events with organizer, statistics and sub-events (each with their own organizer
 * and statistics) costs the same number of gRPC calls whatever the list's length.
 */
class NestedQueryCallCountTests extends GatewayIntegrationTest {

	private static final Instant START = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@ParameterizedTest(name = "{0} events")
	@ValueSource(ints = { 2, 25 })
	void costsABoundedNumberOfCallsWhateverTheListLength(int count) {
		String tag = "n1-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < count; i++) {
			Map<String, Object> input = new LinkedHashMap<>(Json.event("Parent " + i, START.plus(i, ChronoUnit.DAYS)));
			input.put("tags", List.of(tag));
			input.put("organizerId", TestBackends.get().newUser("Organizer " + i));
			String parent = this.graphQl.documentName("createEvent").variable("input", input).execute()
				.path("createEvent.event.id").entity(String.class).get();
			Map<String, Object> child = new LinkedHashMap<>(Json.event("Child " + i, START.plus(i, ChronoUnit.DAYS)));
			child.put("parentId", parent);
			this.graphQl.documentName("createEvent").variable("input", child).execute()
				.path("createEvent.__typename").entity(String.class).isEqualTo("EventResult");
		}
		this.calls.reset();

		this.graphQl.documentName("nestedEvents")
			.variable("filter", Map.of("tags", List.of(tag)))
			.variable("first", 100)
			.execute()
			.path("events.nodes").entityList(Object.class).hasSize(count)
			.path("events.nodes[0].subEvents[0].title").entity(String.class).isEqualTo("Child 0")
			.path("events.nodes[%d].organizer.displayName".formatted(count - 1)).entity(String.class).isEqualTo("Organizer " + (count - 1))
			.path("events.nodes[0].subEvents[0].organizer.displayName").entity(String.class).isEqualTo("Organizer 0");

		// one list call, then per level one batch per field: statistics, sub-events and organizers
		// of the events; statistics and organizers of their sub-events
		assertThat(this.calls.byMethod()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"convene.core.v1.EventService/ListEvents", 1,
				"convene.core.v1.EventService/BatchListSubEvents", 1,
				"convene.core.v1.EventService/BatchGetEventStatistics", 2,
				"convene.core.v1.UserService/BatchGetUsers", 2));
	}

}
