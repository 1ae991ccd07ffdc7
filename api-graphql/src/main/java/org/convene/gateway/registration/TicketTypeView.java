package org.convene.gateway.registration;

import java.time.OffsetDateTime;
import java.util.List;


import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Question;
import org.convene.registration.v1.proto.TicketType;

/** A ticket type as REST and GraphQL show it; {@code quantity} and {@code remaining} are null when unlimited. */
public record TicketTypeView(String id, String eventId, String name, String description, MoneyView price,
		Integer quantity, long taken, Long remaining, OffsetDateTime salesStart, OffsetDateTime salesEnd,
		int maxPerOrder, int maxPerUser, String visibility, List<QuestionView> questions, int position, long version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public static TicketTypeView of(TicketType type) {
		return new TicketTypeView(type.getId(), type.getEventId(), type.getName(), type.getDescription(),
				MoneyView.of(type.getPrice()), type.hasQuantity() ? type.getQuantity() : null, type.getTaken(),
				type.hasRemaining() ? type.getRemaining() : null,
				ProtoTime.utc(type.hasSalesStart(), type.getSalesStart()),
				ProtoTime.utc(type.hasSalesEnd(), type.getSalesEnd()), type.getMaxPerOrder(), type.getMaxPerUser(),
				type.getVisibility().name(), type.getQuestionsList().stream().map(QuestionView::of).toList(),
				type.getPosition(), type.getVersion(), ProtoTime.utc(true, type.getCreatedAt()), ProtoTime.utc(true,
				type.getUpdatedAt()));
	}

	/** The strong ETag of this version. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

	/** A question asked of every attendee of the type. */
	public record QuestionView(String key, String label, String kind, boolean required, List<String> options) {

		static QuestionView of(Question question) {
			return new QuestionView(question.getKey(), question.getLabel(), question.getKind().name(),
					question.getRequired(), List.copyOf(question.getOptionsList()));
		}

	}

}
