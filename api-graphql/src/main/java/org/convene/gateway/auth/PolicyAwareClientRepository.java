package org.convene.gateway.auth;

import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Registered clients from PostgreSQL; a disabled client is unknown to every endpoint. */
class PolicyAwareClientRepository implements RegisteredClientRepository {

	private final JdbcRegisteredClientRepository clients;

	private final ClientPolicies policies;

	PolicyAwareClientRepository(JdbcRegisteredClientRepository clients, ClientPolicies policies) {
		this.clients = clients;
		this.policies = policies;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.clients.save(registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return enabled(this.clients.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return enabled(this.clients.findByClientId(clientId));
	}

	/** The client whatever its state, for administration. */
	RegisteredClient findAnyByClientId(String clientId) {
		return this.clients.findByClientId(clientId);
	}

	private RegisteredClient enabled(RegisteredClient client) {
		return client == null || this.policies.find(client.getClientId()).disabled() ? null : client;
	}

}
