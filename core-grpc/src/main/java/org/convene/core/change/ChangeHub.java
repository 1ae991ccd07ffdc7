package org.convene.core.change;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import io.grpc.stub.ServerCallStreamObserver;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.core.event.Events;
import org.convene.core.outbox.OutboxAnnouncements;
import org.convene.core.v1.proto.Change;
import org.convene.core.v1.proto.ChangeTopic;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.schema.core.tables.records.OutboxRecord;

import static org.convene.schema.core.Tables.OUTBOX;

/**
 * The one listener of outbox announcements in this process that serves change streams: for
 * each batch of announced ids it reads the rows in one query, on a thread of its own (the
 * announcing thread must not wait), and queues each change on the open streams of its topic
 * and event. Every replica hears every announcement, so a stream may be open on any of them.
 */
@Component
class ChangeHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeHub.class);

	/** Changes a stream may have waiting before it is ended as too slow. */
	static final int STREAM_CAPACITY = 1000;

	private final DSLContext db;

	private final Events events;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private volatile ExecutorService fetcher;

	private volatile boolean running;

	ChangeHub(DSLContext db, Events events, OutboxAnnouncements announcements) {
		this.db = db;
		this.events = events;
		announcements.subscribe(this::announced);
	}

	/** Starts sending the topic's changes on the stream, until either side ends it. */
	void open(ChangeGrpcService.Watch watch, ServerCallStreamObserver<Change> stream) {
		if (!this.running) {
			throw ApiException.of(ErrorCode.SERVICE_UNAVAILABLE, "The service is shutting down");
		}
		Subscriber subscriber = new Subscriber(watch, stream, STREAM_CAPACITY);
		stream.setOnReadyHandler(subscriber::drain);
		stream.setOnCancelHandler(() -> {
			subscriber.cancelled();
			this.subscribers.remove(subscriber);
		});
		this.subscribers.add(subscriber);
	}

	/** How many streams are open on this replica. */
	int openStreams() {
		return this.subscribers.size();
	}

	private void announced(List<Long> outboxIds) {
		ExecutorService fetcher = this.fetcher;
		if (this.subscribers.isEmpty() || fetcher == null) {
			return;
		}
		try {
			fetcher.execute(() -> deliver(outboxIds));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down.
		}
	}

	private void deliver(List<Long> outboxIds) {
		try {
			for (OutboxRecord row : this.db.selectFrom(OUTBOX).where(OUTBOX.ID.in(outboxIds)).orderBy(OUTBOX.ID).fetch()) {
				RoutedChange routed = RoutedChange.of(row);
				if (routed != null) {
					fanOut(routed);
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not deliver outbox rows {} to change streams", outboxIds, ex);
		}
	}

	private void fanOut(RoutedChange routed) {
		for (Subscriber subscriber : this.subscribers) {
			ChangeGrpcService.Watch watch = subscriber.watch();
			if (watch.topic() != routed.topic() || !watch.eventId().equals(routed.eventId())) {
				continue;
			}
			// An event may be hidden from some watchers in some states (a draft, made private):
			// like a read, its change does not exist for them. A later change may show it again.
			if (routed.topic() != ChangeTopic.EVENT || this.events.canSee(watch.caller(), routed.change().getEvent())) {
				subscriber.offer(routed.change());
			}
		}
	}

	@Override
	public void start() {
		this.fetcher = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "change-hub");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
	}

	/** Ends every stream (UNAVAILABLE: clients reconnect to another replica) before the server stops. */
	@Override
	public void stop() {
		this.running = false;
		this.fetcher.shutdownNow();
		ApiError unavailable = ApiError.of(ErrorCode.SERVICE_UNAVAILABLE, "The service is shutting down");
		this.subscribers.forEach(subscriber -> subscriber.end(unavailable));
		this.subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the gRPC server, whose graceful shutdown would otherwise wait for the streams. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
