package org.convene.gateway.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;

import org.convene.gateway.audit.AuditReporter;
import org.convene.gateway.auth.ClientPolicy;
import org.convene.gateway.auth.Clients;
import org.convene.gateway.auth.GatewayCaller;
import org.convene.gateway.auth.IpAllowlist;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/** Registers and manages OAuth clients, for administrators; each operation is audited. */
@Service
class ClientAdmin {

	private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

	private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials", "password");

	private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email");

	private final Clients clients;

	private final AuditReporter audit;

	ClientAdmin(Clients clients, AuditReporter audit) {
		this.clients = clients;
		this.audit = audit;
	}

	List<ClientView> list() {
		GatewayCaller.current().requireAdmin();
		return this.clients.list().stream().map(c -> ClientView.of(c, this.clients.policy(c.getClientId()))).toList();
	}

	ClientView get(String clientId) {
		GatewayCaller.current().requireAdmin();
		RegisteredClient client = existing(clientId);
		return ClientView.of(client, this.clients.policy(clientId));
	}

	ClientView.ClientWithSecret register(Map<String, Object> input) {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		List<FieldViolation> violations = new ArrayList<>();
		ClientInput client = ClientInput.read(input, violations);
		validate(client, violations);
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		if (this.clients.find(client.clientId()) != null) {
			throw ApiException.of(org.convene.common.v1.proto.ErrorCode.CONFLICT, "This client id is taken",
					"A client '" + client.clientId() + "' exists", "clientId");
		}
		boolean confidential = !client.publicClient();
		RegisteredClient.Builder registered = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(client.clientId())
			.clientName(client.name())
			.clientAuthenticationMethods(methods -> {
				if (confidential) {
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
				}
				else {
					methods.add(ClientAuthenticationMethod.NONE);
				}
			})
			.authorizationGrantTypes(grants -> client.grantTypes().forEach(g -> grants.add(new AuthorizationGrantType(g))))
			.redirectUris(uris -> uris.addAll(client.redirectUris()))
			.scopes(scopes -> scopes.addAll(client.scopes()))
			.clientSettings(this.clients.clientSettings(!confidential, client.requireConsent()));
		String secret = this.clients.register(registered, confidential, new ClientPolicy(client.clientId(),
				client.description(), client.firstParty(), client.passwordGrant(), false, client.ownerUserId(),
				client.ipAllowlist()));
		this.audit.record(caller.describe(), caller.clientId(), "RegisterClient " + client.clientId(), "OK");
		return new ClientView.ClientWithSecret(get(client.clientId()), secret);
	}

	ClientView.ClientWithSecret rotateSecret(String clientId) {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		RegisteredClient client = existing(clientId);
		if (client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
			throw ApiException.invalid("clientId", "a public client has no secret");
		}
		String secret = this.clients.rotateSecret(client);
		this.audit.record(caller.describe(), caller.clientId(), "RotateClientSecret " + clientId, "OK");
		return new ClientView.ClientWithSecret(get(clientId), secret);
	}

	ClientView setDisabled(String clientId, boolean disabled) {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		existing(clientId);
		ClientPolicy policy = this.clients.policy(clientId);
		this.clients.savePolicy(new ClientPolicy(clientId, policy.description(), policy.firstParty(), policy.passwordGrant(),
				disabled, policy.ownerUserId(), policy.ipAllowlist()));
		this.audit.record(caller.describe(), caller.clientId(), (disabled ? "DisableClient " : "EnableClient ") + clientId, "OK");
		return get(clientId);
	}

	private RegisteredClient existing(String clientId) {
		RegisteredClient client = this.clients.find(clientId);
		if (client == null) {
			throw ApiException.notFound("client", clientId, "clientId");
		}
		return client;
	}

	private static void validate(ClientInput client, List<FieldViolation> violations) {
		if (!CLIENT_ID.matcher(client.clientId()).matches()) {
			violations.add(new FieldViolation("clientId", "3 to 64 lower-case letters, digits and '-', starting with a letter or digit"));
		}
		if (client.name().isBlank() || client.name().length() > 200) {
			violations.add(new FieldViolation("name", "is required, at most 200 characters"));
		}
		if (client.grantTypes().isEmpty() || !GRANTS.containsAll(client.grantTypes())) {
			violations.add(new FieldViolation("grantTypes", "one or more of " + GRANTS + "; implicit is not offered"));
		}
		if (client.publicClient() && (client.grantTypes().contains("client_credentials") || client.grantTypes().contains("password"))) {
			violations.add(new FieldViolation("grantTypes", "a public client may use authorization_code and refresh_token only"));
		}
		if (client.grantTypes().contains("authorization_code") && client.redirectUris().isEmpty()) {
			violations.add(new FieldViolation("redirectUris", "authorization_code needs at least one redirect URI"));
		}
		for (int i = 0; i < client.redirectUris().size(); i++) {
			if (!redirectUriAllowed(client.redirectUris().get(i))) {
				violations.add(new FieldViolation("redirectUris[" + i + "]",
						"must be an https URL, an http URL on localhost or 127.0.0.1, or a custom scheme for native apps"));
			}
		}
		Set<String> known = new LinkedHashSet<>(Clients.GRANTABLE_SCOPES);
		known.addAll(OIDC_SCOPES);
		if (client.scopes().isEmpty() || !known.containsAll(client.scopes())) {
			violations.add(new FieldViolation("scopes", "one or more of " + known));
		}
		if (client.passwordGrant() && (!client.firstParty() || client.publicClient() || !client.grantTypes().contains("password"))) {
			violations.add(new FieldViolation("passwordGrant",
					"only a confidential, first-party client with the password grant type may enable it (discouraged by RFC 9700)"));
		}
		if (!client.passwordGrant() && client.grantTypes().contains("password")) {
			violations.add(new FieldViolation("grantTypes", "the password grant must also be enabled with passwordGrant: true"));
		}
		for (int i = 0; i < client.ipAllowlist().size(); i++) {
			if (!IpAllowlist.valid(client.ipAllowlist().get(i))) {
				violations.add(new FieldViolation("ipAllowlist[" + i + "]", "must be an IP address or CIDR range"));
			}
		}
	}

	private static boolean redirectUriAllowed(String value) {
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			if (scheme == null || uri.getFragment() != null) {
				return false;
			}
			if (scheme.equals("https")) {
				return uri.getHost() != null;
			}
			if (scheme.equals("http")) {
				return "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
			}
			return scheme.matches("[a-z][a-z0-9+.-]*\\.[a-z0-9+.-]+");
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
