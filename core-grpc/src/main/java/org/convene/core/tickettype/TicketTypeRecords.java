package org.convene.core.tickettype;

import org.convene.grpc.ProtoTime;
import org.convene.registration.v1.proto.Money;
import org.convene.registration.v1.proto.TicketType;
import org.convene.registration.v1.proto.TicketTypeVisibility;
import org.convene.schema.core.tables.records.TicketTypeRecord;

/** Turns stored ticket type rows into their API form. */
final class TicketTypeRecords {

	private TicketTypeRecords() {
	}

	static TicketType toProto(TicketTypeRecord row, int taken) {
		TicketType.Builder type = TicketType.newBuilder()
			.setId(row.getId().toString())
			.setEventId(row.getEventId().toString())
			.setName(row.getName())
			.setDescription(row.getDescription())
			.setPrice(Money.newBuilder().setAmount(row.getPriceAmount()).setCurrency(row.getCurrency()))
			.setTaken(taken)
			.setMaxPerOrder(row.getMaxPerOrder())
			.setMaxPerUser(row.getMaxPerUser())
			.setVisibility(TicketTypeVisibility.valueOf(row.getVisibility()))
			.addAllQuestions(Questions.parse(row.getQuestions()))
			.setPosition(row.getPosition())
			.setVersion(row.getVersion())
			.setCreatedAt(ProtoTime.of(row.getCreatedAt()))
			.setUpdatedAt(ProtoTime.of(row.getUpdatedAt()));
		if (row.getQuantity() != null) {
			type.setQuantity(row.getQuantity()).setRemaining(Math.max(0, row.getQuantity() - taken));
		}
		if (row.getSalesStart() != null) {
			type.setSalesStart(ProtoTime.of(row.getSalesStart()));
		}
		if (row.getSalesEnd() != null) {
			type.setSalesEnd(ProtoTime.of(row.getSalesEnd()));
		}
		return type.build();
	}

}
