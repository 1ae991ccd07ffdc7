package org.convene.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.convene.core.grpc.CallRecorder;

/**
 * Collects call records in memory and writes them in batches every half second, so auditing
 * adds no database round trip to a call. What is queued when the process dies abruptly is
 * lost (at most half a second of records); when the queue is full, records are dropped and
 * counted in the log rather than slowing calls down.
 */
@Component
class AuditLog implements CallRecorder {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final int CAPACITY = 50_000;

	private final BlockingQueue<AuditRepository.Entry> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	private final AuditRepository repository;

	AuditLog(AuditRepository repository) {
		this.repository = repository;
	}

	@Override
	public void record(Call call) {
		add(new AuditRepository.Entry(call.at(), call.caller().describe(), call.caller().clientId(), call.operation(),
				call.outcome(), call.clientAddress(), call.correlationId(), (int) Math.min(Integer.MAX_VALUE, call.durationMillis())));
	}

	void add(AuditRepository.Entry entry) {
		if (!this.queue.offer(entry)) {
			this.dropped.incrementAndGet();
		}
	}

	@Scheduled(fixedDelay = 500)
	@PreDestroy
	void flush() {
		List<AuditRepository.Entry> batch = new ArrayList<>();
		while (this.queue.drainTo(batch, 1000) > 0) {
			try {
				this.repository.insert(batch);
			}
			catch (RuntimeException ex) {
				log.error("Could not write {} audit records", batch.size(), ex);
			}
			batch.clear();
		}
		long lost = this.dropped.getAndSet(0);
		if (lost > 0) {
			log.error("The audit queue was full: {} call records were not written", lost);
		}
	}

}
