package org.convene.gateway.auth;

import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes client policies; reads are cached for a few seconds, as every token request and API call checks them. */
@Component
public class ClientPolicies {

	private static final Duration CACHE = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ClientPolicies(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public ClientPolicy find(String clientId) {
		Cached cached = this.cache.get(clientId);
		if (cached != null && cached.at().plus(CACHE).isAfter(Instant.now())) {
			return cached.policy();
		}
		List<ClientPolicy> found = this.jdbc.query("SELECT * FROM client_policy WHERE client_id = ?", (rs, i) -> {
			Array allowlist = rs.getArray("ip_allowlist");
			return new ClientPolicy(rs.getString("client_id"), rs.getString("description"), rs.getBoolean("first_party"),
					rs.getBoolean("password_grant"), rs.getBoolean("disabled"), rs.getObject("owner_user_id", UUID.class),
					Arrays.asList((String[]) allowlist.getArray()));
		}, clientId);
		ClientPolicy policy = found.isEmpty() ? ClientPolicy.defaults(clientId) : found.get(0);
		this.cache.put(clientId, new Cached(policy, Instant.now()));
		return policy;
	}

	public void save(ClientPolicy policy) {
		this.jdbc.update("""
				INSERT INTO client_policy (client_id, description, first_party, password_grant, disabled, owner_user_id, ip_allowlist)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (client_id) DO UPDATE SET description = excluded.description, first_party = excluded.first_party,
				    password_grant = excluded.password_grant, disabled = excluded.disabled,
				    owner_user_id = excluded.owner_user_id, ip_allowlist = excluded.ip_allowlist""", policy.clientId(),
				policy.description(), policy.firstParty(), policy.passwordGrant(), policy.disabled(), policy.ownerUserId(),
				policy.ipAllowlist().toArray(String[]::new));
		this.cache.remove(policy.clientId());
	}

	private record Cached(ClientPolicy policy, Instant at) {
	}

}
