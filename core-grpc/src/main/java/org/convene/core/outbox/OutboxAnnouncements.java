package org.convene.core.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the id of every outbox row the moment its transaction commits (PostgreSQL
 * {@code LISTEN convene_outbox}, fed by a trigger), on a connection of its own, and passes the
 * ids on. Announcements made while that connection is being re-established are missed:
 * whoever must not miss an event also reads the outbox table itself.
 */
@Component
public class OutboxAnnouncements implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxAnnouncements.class);

	static final String CHANNEL = "convene_outbox";

	private final JdbcConnectionDetails database;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private Thread thread;

	OutboxAnnouncements(JdbcConnectionDetails database) {
		this.database = database;
	}

	/** Told the ids of committed outbox rows, on the announcing thread: it must return quickly. */
	@FunctionalInterface
	public interface Listener {

		void committed(List<Long> outboxIds);

	}

	public void subscribe(Listener listener) {
		this.listeners.add(listener);
	}

	public void unsubscribe(Listener listener) {
		this.listeners.remove(listener);
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "outbox-announcements");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.database.getJdbcUrl(),
					this.database.getUsername(), this.database.getPassword())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications(500);
					if (received != null && received.length > 0) {
						announce(received);
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Lost the outbox announcements connection, reconnecting in 1 s: {}", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void announce(PGNotification[] received) {
		List<Long> ids = new ArrayList<>(received.length);
		for (PGNotification notification : received) {
			ids.add(Long.parseLong(notification.getParameter()));
		}
		for (Listener listener : this.listeners) {
			try {
				listener.committed(ids);
			}
			catch (RuntimeException ex) {
				log.error("An outbox listener failed", ex);
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
