package org.convene.gateway.auth;

import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** Whether an address is in a client's allowlist (addresses or CIDR ranges; empty allows all). */
public final class IpAllowlist {

	private IpAllowlist() {
	}

	public static boolean allows(List<String> allowlist, String address) {
		if (allowlist.isEmpty()) {
			return true;
		}
		for (String entry : allowlist) {
			try {
				if (new IpAddressMatcher(entry).matches(address)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// an entry that cannot match this address family
			}
		}
		return false;
	}

	/** Whether an entry is an IP address or CIDR range. */
	public static boolean valid(String entry) {
		try {
			new IpAddressMatcher(entry).matches("127.0.0.1");
			return entry.matches("[0-9a-fA-F:.]+(/\\d{1,3})?");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
