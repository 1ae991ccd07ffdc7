package org.convene.gateway.auth;

import java.util.List;
import java.util.UUID;

/**
 * What Convene adds to a registered OAuth client.
 *
 * @param clientId the client
 * @param description what it is for
 * @param firstParty a client of Convene's own
 * @param passwordGrant whether the discouraged password grant is enabled (first-party only)
 * @param disabled whether the client is refused everywhere
 * @param ownerUserId the user a client-credentials client acts for, or null
 * @param ipAllowlist addresses or CIDR ranges tokens of this client are accepted from; empty = anywhere
 */
public record ClientPolicy(String clientId, String description, boolean firstParty, boolean passwordGrant,
		boolean disabled, UUID ownerUserId, List<String> ipAllowlist) {

	public ClientPolicy {
		ipAllowlist = List.copyOf(ipAllowlist);
	}

	static ClientPolicy defaults(String clientId) {
		return new ClientPolicy(clientId, "", false, false, false, null, List.of());
	}

}
