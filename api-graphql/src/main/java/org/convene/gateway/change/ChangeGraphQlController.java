package org.convene.gateway.change;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.gateway.event.EventView;
import org.convene.gateway.registration.RegistrationView;
import org.convene.gateway.session.SessionView;
import org.convene.grpc.ProtoTime;

/** The {@code Subscription} root: live changes of an event, its registrations, its check-ins and its sessions. */
@Controller
class ChangeGraphQlController {

	private final ChangeStreams streams;

	ChangeGraphQlController(ChangeStreams streams) {
		this.streams = streams;
	}

	@SubscriptionMapping
	Flux<EventChange> eventChanged(@Argument String id) {
		return this.streams.watch(ChangeTopic.EVENT, id)
			.map(change -> new EventChange(change.getType(), occurredAt(change), EventView.of(change.getEvent())));
	}

	@SubscriptionMapping
	Flux<RegistrationChange> registrationChanged(@Argument String eventId) {
		return registrations(ChangeTopic.REGISTRATIONS, eventId);
	}

	@SubscriptionMapping
	Flux<RegistrationChange> checkInCompleted(@Argument String eventId) {
		return registrations(ChangeTopic.CHECK_INS, eventId);
	}

	@SubscriptionMapping
	Flux<SessionChange> sessionChanged(@Argument String eventId) {
		return this.streams.watch(ChangeTopic.SESSIONS, eventId)
			.map(change -> new SessionChange(change.getType(), occurredAt(change), SessionView.of(change.getSession())));
	}

	private Flux<RegistrationChange> registrations(ChangeTopic topic, String eventId) {
		return this.streams.watch(topic, eventId)
			.map(change -> new RegistrationChange(change.getType(), occurredAt(change),
					RegistrationView.of(change.getRegistration())));
	}

	private static OffsetDateTime occurredAt(Change change) {
		return ProtoTime.toInstant(change.getOccurredAt()).atOffset(ZoneOffset.UTC);
	}

	/** A change of an event: what happened, when, and the event after it. */
	record EventChange(String type, OffsetDateTime occurredAt, EventView event) {
	}

	/** A change of a session: what happened, when, and the session after it. */
	record SessionChange(String type, OffsetDateTime occurredAt, SessionView session) {
	}

	/** A change of a registration: what happened, when, and the registration after it. */
	record RegistrationChange(String type, OffsetDateTime occurredAt, RegistrationView registration) {
	}

}
