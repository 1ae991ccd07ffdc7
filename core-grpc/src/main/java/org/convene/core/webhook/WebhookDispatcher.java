package org.convene.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import org.convene.core.outbox.OutboxAnnouncements;

/**
 * Delivers every domain event to every matching subscription, at least once. One loop, woken
 * when an outbox row commits (and every poll interval in any case), first fans new outbox rows
 * out into messages, then takes the messages that are due and sends them in lanes: a
 * subscription gets up to {@link #LANES_PER_SUBSCRIPTION} lanes, messages about one resource
 * always share a lane and go in order, and a lane stops at its endpoint's first failure or
 * after {@link #LANE_TIME}, giving the rest back. A slow or dead endpoint so ties up at most
 * its own lanes, while the others' messages go on. What the attempts did is recorded by one
 * {@link WebhookRecorder}.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final int LANES_PER_SUBSCRIPTION = 4;

	static final int THREADS = 64;

	static final Duration LANE_TIME = Duration.ofSeconds(30);

	private final WebhookFanOut fanOut;

	private final WebhookQueue queue;

	private final WebhookClient client;

	private final OutboxAnnouncements announcements;

	private final WebhookProperties properties;

	private final Semaphore wake = new Semaphore(0);

	private final Map<UUID, AtomicInteger> busy = new ConcurrentHashMap<>();

	private final OutboxAnnouncements.Listener onCommit = ids -> wake();

	private volatile boolean running;

	private Thread loop;

	private ExecutorService lanes;

	private WebhookRecorder recorder;

	WebhookDispatcher(WebhookFanOut fanOut, WebhookQueue queue, WebhookClient client, OutboxAnnouncements announcements,
			WebhookProperties properties) {
		this.fanOut = fanOut;
		this.queue = queue;
		this.client = client;
		this.announcements = announcements;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("webhook-lane-");
		threads.setDaemon(true);
		ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threads);
		pool.allowCoreThreadTimeOut(true);
		this.lanes = pool;
		this.recorder = new WebhookRecorder(this.queue);
		this.announcements.subscribe(this.onCommit);
		this.loop = new Thread(this::run, "webhook-dispatcher");
		this.loop.setDaemon(true);
		this.loop.start();
	}

	/**
	 * Lets lanes finish the message in hand and record what they did, for a few seconds; whatever
	 * is not recorded by then is sent again when its lease ends.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.announcements.unsubscribe(this.onCommit);
		wake();
		this.lanes.shutdown();
		try {
			this.lanes.awaitTermination(5, TimeUnit.SECONDS);
			this.recorder.stop();
			this.loop.join(1_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the gRPC server, which stops in the default phase: calls in flight still record their events. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	void wake() {
		this.wake.release();
	}

	private void run() {
		while (this.running) {
			try {
				while (this.running && this.fanOut.dispatchBatch() == WebhookFanOut.BATCH) {
					// a backlog: keep draining before sending
				}
				if (this.running) {
					sendDue();
				}
			}
			catch (RuntimeException ex) {
				log.warn("Webhook dispatch failed; trying again shortly", ex);
			}
			try {
				this.wake.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wake.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void sendDue() {
		List<WebhookQueue.Due> taken = this.queue.take(Set.copyOf(this.busy.keySet()));
		Map<UUID, List<List<WebhookQueue.Due>>> bySubscription = new LinkedHashMap<>();
		for (WebhookQueue.Due due : taken) {
			List<List<WebhookQueue.Due>> lanes = bySubscription.computeIfAbsent(due.subscription().getId(),
					id -> newLanes());
			lanes.get(Math.floorMod(due.aggregateId().hashCode(), LANES_PER_SUBSCRIPTION)).add(due);
		}
		bySubscription.forEach((subscription, lanes) -> {
			List<List<WebhookQueue.Due>> used = lanes.stream().filter(lane -> !lane.isEmpty()).toList();
			AtomicInteger running = this.busy.computeIfAbsent(subscription, id -> new AtomicInteger());
			running.addAndGet(used.size());
			for (List<WebhookQueue.Due> lane : used) {
				this.lanes.execute(() -> {
					try {
						send(lane);
					}
					finally {
						if (running.decrementAndGet() == 0) {
							this.busy.remove(subscription);
							wake();
						}
					}
				});
			}
		});
	}

	private static List<List<WebhookQueue.Due>> newLanes() {
		List<List<WebhookQueue.Due>> lanes = new ArrayList<>(LANES_PER_SUBSCRIPTION);
		for (int i = 0; i < LANES_PER_SUBSCRIPTION; i++) {
			lanes.add(new ArrayList<>());
		}
		return lanes;
	}

	private void send(List<WebhookQueue.Due> lane) {
		Instant deadline = Instant.now().plus(LANE_TIME);
		int next = 0;
		while (next < lane.size() && this.running && Instant.now().isBefore(deadline)) {
			WebhookQueue.Due due = lane.get(next++);
			Instant at = Instant.now();
			WebhookMessage.Delivery delivery = due.message().signedFor(due.subscription(), at);
			WebhookClient.Answer answer = this.client.post(due.subscription().getUrl(), delivery.headers(), delivery.body());
			this.recorder.add(List.of(new WebhookQueue.Outcome(due, at, answer)));
			if (!answer.succeeded()) {
				break;
			}
		}
		this.recorder.add(lane.subList(next, lane.size()).stream().map(WebhookQueue.Outcome::untried).toList());
	}

}
