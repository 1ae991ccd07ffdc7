package org.convene.core.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what attempts did, for all lanes, on one thread: up to {@link #BATCH} outcomes per
 * transaction, at most {@link #LINGER_MILLIS} after they happened. Lanes never wait for the
 * database, and deliveries hold one connection at most, whatever the number of lanes, so that
 * the requests that change things are not kept waiting for connections.
 */
final class WebhookRecorder {

	private static final Logger log = LoggerFactory.getLogger(WebhookRecorder.class);

	static final int BATCH = 1000;

	static final long LINGER_MILLIS = 50;

	private final WebhookQueue queue;

	private final LinkedBlockingQueue<WebhookQueue.Outcome> pending = new LinkedBlockingQueue<>();

	private final Thread thread;

	private volatile boolean running = true;

	WebhookRecorder(WebhookQueue queue) {
		this.queue = queue;
		this.thread = new Thread(this::run, "webhook-recorder");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void add(List<WebhookQueue.Outcome> outcomes) {
		this.pending.addAll(outcomes);
	}

	/** Records what is still pending, then stops. */
	void stop() {
		this.running = false;
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		List<WebhookQueue.Outcome> batch = new ArrayList<>(BATCH);
		while (this.running || !this.pending.isEmpty()) {
			try {
				WebhookQueue.Outcome first = this.pending.poll(LINGER_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.pending.drainTo(batch, BATCH - 1);
				this.queue.record(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// Their leases bring these messages back.
				log.warn("Could not record {} webhook attempts; they are sent again when their lease ends", batch.size(), ex);
			}
			finally {
				batch.clear();
			}
		}
	}

}
