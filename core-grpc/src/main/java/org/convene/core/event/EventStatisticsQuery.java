package org.convene.core.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.EventStatistics;
import org.convene.core.v1.proto.MoneyTotal;
import org.convene.core.v1.proto.TicketTypeStatistics;

import static org.convene.schema.core.Tables.EVENT;
import static org.convene.schema.core.Tables.REGISTRATION;
import static org.convene.schema.core.Tables.TICKET_TYPE;

/**
 * Counts registrations by status per event and per ticket type, the check-in rate and the
 * revenue booked, in four queries whatever the number of events.
 */
@Component
class EventStatisticsQuery {

	private static final List<String> SEAT_HOLDING = List.of("PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN");

	private final DSLContext db;

	EventStatisticsQuery(DSLContext db) {
		this.db = db;
	}

	List<EventStatistics> of(Collection<UUID> eventIds) {
		Map<UUID, Integer> subEvents = this.db.select(EVENT.PARENT_ID, DSL.count())
			.from(EVENT)
			.where(EVENT.PARENT_ID.in(eventIds))
			.and(EVENT.STATUS.ne("CANCELLED"))
			.groupBy(EVENT.PARENT_ID)
			.fetchMap(EVENT.PARENT_ID, DSL.count());
		Map<UUID, List<TicketTypeStatistics>> byTicketType = byTicketType(eventIds);
		Map<UUID, List<MoneyTotal>> revenue = revenueBooked(eventIds);
		var counts = this.db
			.select(EVENT.ID, EVENT.CAPACITY, count("PENDING_PAYMENT"), count("CONFIRMED"), count("WAITLISTED"),
					count("CANCELLED"), count("CHECKED_IN"))
			.from(EVENT)
			.leftJoin(REGISTRATION)
			.on(REGISTRATION.EVENT_ID.eq(EVENT.ID))
			.where(EVENT.ID.in(eventIds))
			.groupBy(EVENT.ID, EVENT.CAPACITY)
			.fetch();
		return counts.map(row -> {
			long taken = row.value3() + row.value4() + row.value7();
			long admitted = row.value4() + row.value7();
			EventStatistics.Builder statistics = EventStatistics.newBuilder()
				.setEventId(row.value1().toString())
				.setPendingPayment(row.value3())
				.setConfirmed(row.value4())
				.setWaitlisted(row.value5())
				.setCancelled(row.value6())
				.setCheckedIn(row.value7())
				.setSeatsTaken(taken)
				.setSubEventCount(subEvents.getOrDefault(row.value1(), 0))
				.addAllByTicketType(byTicketType.getOrDefault(row.value1(), List.of()))
				.setCheckInRate(admitted == 0 ? 0 : (double) row.value7() / admitted)
				.addAllRevenueBooked(revenue.getOrDefault(row.value1(), List.of()));
			if (row.value2() != null) {
				statistics.setCapacity(row.value2()).setCapacityRemaining(Math.max(0, row.value2() - taken));
			}
			return statistics.build();
		});
	}

	/** Per ticket type, in display order. */
	private Map<UUID, List<TicketTypeStatistics>> byTicketType(Collection<UUID> eventIds) {
		Map<UUID, List<TicketTypeStatistics>> byEvent = new HashMap<>();
		this.db
			.select(TICKET_TYPE.EVENT_ID, TICKET_TYPE.ID, TICKET_TYPE.NAME, TICKET_TYPE.QUANTITY, count("PENDING_PAYMENT"),
					count("CONFIRMED"), count("WAITLISTED"), count("CANCELLED"), count("CHECKED_IN"))
			.from(TICKET_TYPE)
			.leftJoin(REGISTRATION)
			.on(REGISTRATION.TICKET_TYPE_ID.eq(TICKET_TYPE.ID))
			.where(TICKET_TYPE.EVENT_ID.in(eventIds))
			.groupBy(TICKET_TYPE.EVENT_ID, TICKET_TYPE.ID, TICKET_TYPE.NAME, TICKET_TYPE.QUANTITY, TICKET_TYPE.POSITION,
					TICKET_TYPE.CREATED_AT)
			.orderBy(TICKET_TYPE.POSITION, TICKET_TYPE.CREATED_AT, TICKET_TYPE.ID)
			.fetch()
			.forEach(row -> {
				TicketTypeStatistics.Builder type = TicketTypeStatistics.newBuilder()
					.setTicketTypeId(row.value2().toString())
					.setName(row.value3())
					.setPendingPayment(row.value5())
					.setConfirmed(row.value6())
					.setWaitlisted(row.value7())
					.setCancelled(row.value8())
					.setCheckedIn(row.value9());
				if (row.value4() != null) {
					long taken = row.value5() + row.value6() + row.value9();
					type.setQuantity(row.value4()).setRemaining(Math.max(0, row.value4() - taken));
				}
				byEvent.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(type.build());
			});
		return byEvent;
	}

	/** Prices of the registrations holding seats, summed per currency; free ones left out. */
	private Map<UUID, List<MoneyTotal>> revenueBooked(Collection<UUID> eventIds) {
		Field<BigDecimal> sum = DSL.sum(REGISTRATION.PRICE_AMOUNT);
		Map<UUID, List<MoneyTotal>> byEvent = new HashMap<>();
		this.db.select(REGISTRATION.EVENT_ID, REGISTRATION.CURRENCY, sum)
			.from(REGISTRATION)
			.where(REGISTRATION.EVENT_ID.in(eventIds))
			.and(REGISTRATION.STATUS.in(SEAT_HOLDING))
			.and(REGISTRATION.PRICE_AMOUNT.gt(0L))
			.groupBy(REGISTRATION.EVENT_ID, REGISTRATION.CURRENCY)
			.orderBy(REGISTRATION.CURRENCY)
			.fetch()
			.forEach(row -> byEvent.computeIfAbsent(row.value1(), id -> new ArrayList<>())
				.add(MoneyTotal.newBuilder().setCurrency(row.value2()).setAmount(row.value3().longValueExact()).build()));
		return byEvent;
	}

	private static Field<Integer> count(String status) {
		return DSL.count().filterWhere(REGISTRATION.STATUS.eq(status));
	}

}
