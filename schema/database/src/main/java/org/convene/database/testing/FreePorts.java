package org.convene.database.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nobody listens on, for servers tests start a moment later.
 * <p>
 * They come from below Linux's ephemeral range (32768–60999): a port the kernel handed out
 * with {@code new ServerSocket(0)} can be taken, before our server binds it, by any outgoing
 * connection (a JDBC pool filling up, say), which failed a CI run. Outgoing connections never
 * take a port from below that range.
 */
public final class FreePorts {

	private static final int LOWEST = 20000;

	private static final int HIGHEST = 32767;

	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int next() {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
			if (bindable(port) && handedOut.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("0.0.0.0", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
