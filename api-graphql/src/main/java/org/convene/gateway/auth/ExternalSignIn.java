package org.convene.gateway.auth;

import java.util.List;

/** Other ways to sign in that the login page offers next to the password form. */
public interface ExternalSignIn {

	List<Option> options();

	/**
	 * One way to sign in.
	 *
	 * @param label what the button says, e.g. "Acme Corp"
	 * @param path where it starts, on this server
	 */
	record Option(String label, String path) {
	}

}
