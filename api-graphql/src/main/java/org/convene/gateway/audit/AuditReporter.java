package org.convene.gateway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.grpc.StatusRuntimeException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.AuditEntry;
import org.convene.core.v1.proto.AuditServiceGrpc;
import org.convene.core.v1.proto.RecordAuditEntriesRequest;
import org.convene.gateway.context.ForwardedContext;
import org.convene.grpc.ProtoTime;

/**
 * Queues the gateway's own audit records and sends them to core every second, so recording
 * never slows a request. Records that cannot be sent (core unreachable) are kept for the next
 * round, up to the queue's capacity.
 */
@Component
public class AuditReporter {

	private static final Logger log = LoggerFactory.getLogger(AuditReporter.class);

	private final BlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(20_000);

	private final AuditServiceGrpc.AuditServiceBlockingStub audit;

	/** @param audit core's AuditService, called with the gateway's internal credentials */
	AuditReporter(@Qualifier("internalAuditService") AuditServiceGrpc.AuditServiceBlockingStub audit) {
		this.audit = audit;
	}

	/** Records an operation of the current request. */
	public void record(String actor, String clientId, String operation, String outcome) {
		ForwardedContext request = ForwardedContext.current();
		AuditEntry.Builder entry = AuditEntry.newBuilder()
			.setOccurredAt(ProtoTime.of(Instant.now()))
			.setActor(actor)
			.setOperation(operation)
			.setOutcome(outcome);
		if (clientId != null) {
			entry.setClientId(clientId);
		}
		if (request != null) {
			entry.setClientAddress(request.clientAddress()).setCorrelationId(request.correlationId());
		}
		if (!this.queue.offer(entry.build())) {
			log.error("The audit queue is full; a record of {} was not kept", operation);
		}
	}

	@Scheduled(fixedDelay = 1000)
	@PreDestroy
	void send() {
		List<AuditEntry> batch = new ArrayList<>();
		while (this.queue.drainTo(batch, 500) > 0) {
			try {
				this.audit.recordAuditEntries(RecordAuditEntriesRequest.newBuilder().addAllEntries(batch).build());
			}
			catch (StatusRuntimeException ex) {
				log.warn("Audit records not sent yet ({}): {}", batch.size(), ex.getStatus());
				batch.forEach(this.queue::offer);
				return;
			}
			batch.clear();
		}
	}

}
