package org.convene.gateway.auth;

import java.util.List;
import java.util.UUID;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.grpc.ApiException;

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

	/** Why a token of this client may not be used from this address, or null when it may. */
	ApiException refusalOfToken(String address) {
		if (this.disabled) {
			return ApiException.of(ErrorCode.UNAUTHENTICATED, "The client is disabled",
					"Client '" + this.clientId + "' was disabled by an administrator", "Authorization");
		}
		return refusalOfAddress(address);
	}

	/** Why this client may not be used from this address, or null when it may. */
	ApiException refusalOfAddress(String address) {
		if (IpAllowlist.allows(this.ipAllowlist, address)) {
			return null;
		}
		return ApiException.of(ErrorCode.PERMISSION_DENIED, "This client may not be used from this address",
				"The client's IP allowlist does not include " + address, "clientAddress");
	}

	static ClientPolicy defaults(String clientId) {
		return new ClientPolicy(clientId, "", false, false, false, null, List.of());
	}

}
