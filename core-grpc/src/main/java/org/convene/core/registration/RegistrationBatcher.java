package org.convene.core.registration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Message;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Queues orders per event and hands them to {@link SeatAllocation} in batches: while one
 * batch of an event is in its transaction, the orders that arrive for that event wait and
 * then go together, up to {@code batchSize} registrations. A lone request goes at once.
 *
 * <p>Why: every registration of an event locks the same counter row, and a hot row
 * serialises its transactions including their commit flush; more concurrent transactions on
 * it only make it slower. One transaction per batch takes that lock once for many seats.
 * At most {@code batchWorkers} batches (and so database connections) run at a time. This
 * is a throughput measure only: several replicas batch independently, and correctness comes
 * from the locked counters in the database.
 */
@Component
class RegistrationBatcher {

	private final SeatAllocation allocation;

	private final int batchSize;

	private final ExecutorService workers;

	/** Orders waiting per event; an event has an entry exactly while a drain of it is scheduled or running. */
	private final Map<UUID, ArrayDeque<Order>> waiting = new ConcurrentHashMap<>();

	RegistrationBatcher(SeatAllocation allocation, RegistrationSettings settings) {
		this.allocation = allocation;
		this.batchSize = settings.batchSize();
		this.workers = Executors.newFixedThreadPool(settings.batchWorkers(), new Workers());
	}

	/** Queues the order; the future completes once its batch has committed (or failed). */
	CompletableFuture<Message> submit(Order order) {
		boolean[] first = new boolean[1];
		this.waiting.compute(order.eventId(), (event, queue) -> {
			ArrayDeque<Order> orders = queue;
			if (orders == null) {
				orders = new ArrayDeque<>();
				first[0] = true;
			}
			orders.add(order);
			return orders;
		});
		if (first[0]) {
			this.workers.execute(() -> drain(order.eventId()));
		}
		return order.done();
	}

	private void drain(UUID eventId) {
		List<Order> batch = new ArrayList<>();
		this.waiting.computeIfPresent(eventId, (event, queue) -> {
			int registrations = 0;
			while (!queue.isEmpty()
					&& (batch.isEmpty() || registrations + queue.peek().applicants().size() <= this.batchSize)) {
				Order next = queue.poll();
				registrations += next.applicants().size();
				batch.add(next);
			}
			return queue;
		});
		try {
			this.allocation.process(eventId, batch);
		}
		finally {
			boolean[] more = new boolean[1];
			this.waiting.computeIfPresent(eventId, (event, queue) -> {
				more[0] = !queue.isEmpty();
				return more[0] ? queue : null;
			});
			if (more[0]) {
				// Queued behind other events' batches rather than looping, so a busy event cannot starve the rest.
				this.workers.execute(() -> drain(eventId));
			}
		}
	}

	@PreDestroy
	void stop() {
		this.workers.shutdown();
	}

	private static final class Workers implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "registration-batch-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
