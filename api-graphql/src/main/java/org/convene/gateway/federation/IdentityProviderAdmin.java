package org.convene.gateway.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import org.convene.common.v1.proto.ErrorCode;
import org.convene.gateway.audit.AuditReporter;
import org.convene.gateway.auth.GatewayCaller;
import org.convene.gateway.web.JsonFields;
import org.convene.grpc.ApiError;
import org.convene.grpc.ApiException;
import org.convene.grpc.FieldViolation;

/** Registers and manages external OpenID Connect providers, for administrators; each change is audited. */
@Service
class IdentityProviderAdmin {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

	private static final Set<String> FIELDS = Set.of("id", "name", "issuer", "clientId", "clientSecret", "scopes");

	/** Sign-in needs the ID token (openid) and the verified address (email). */
	private static final List<String> REQUIRED_SCOPES = List.of("openid", "email");

	private static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

	private final IdentityProviderStore store;

	private final IdentityProviderRegistrations registrations;

	private final AuditReporter audit;

	private final Discovery discovery = new Discovery();

	IdentityProviderAdmin(IdentityProviderStore store, IdentityProviderRegistrations registrations, AuditReporter audit) {
		this.store = store;
		this.registrations = registrations;
		this.audit = audit;
	}

	List<IdentityProviderView> list() {
		GatewayCaller.current().requireAdmin();
		return this.store.list().stream().map(this::view).toList();
	}

	IdentityProviderView get(String id) {
		GatewayCaller.current().requireAdmin();
		return view(existing(id));
	}

	/** Reads the provider's discovery document, then stores it enabled. */
	IdentityProviderView register(Map<String, Object> input) {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		List<FieldViolation> violations = new ArrayList<>();
		JsonFields fields = new JsonFields(input, FIELDS, "an identity provider", violations);
		String id = fields.text("id", "").strip();
		String name = fields.text("name", "").strip();
		String issuer = fields.text("issuer", "").strip();
		String clientId = fields.text("clientId", "").strip();
		String clientSecret = fields.text("clientSecret", "");
		List<String> scopes = fields.strings("scopes");
		validate(id, name, issuer, clientId, clientSecret, scopes, violations);
		if (!violations.isEmpty()) {
			throw new ApiException(ApiError.validation(violations));
		}
		if (this.store.find(id) != null) {
			throw taken(id);
		}
		Set<String> asked = new LinkedHashSet<>(REQUIRED_SCOPES);
		asked.addAll(scopes.isEmpty() ? DEFAULT_SCOPES : scopes);
		IdentityProvider provider = new IdentityProvider(id, name, issuer, clientId, clientSecret, List.copyOf(asked),
				this.discovery.endpoints(issuer), true, Instant.now());
		if (!this.store.insert(provider)) {
			throw taken(id);
		}
		this.audit.record(caller.describe(), caller.clientId(), "RegisterIdentityProvider " + id, "OK");
		return get(id);
	}

	IdentityProviderView setEnabled(String id, boolean enabled) {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		if (!this.store.setEnabled(id, enabled)) {
			throw ApiException.notFound("identity provider", id, "id");
		}
		this.audit.record(caller.describe(), caller.clientId(),
				(enabled ? "EnableIdentityProvider " : "DisableIdentityProvider ") + id, "OK");
		return get(id);
	}

	/** Removes a provider; users it linked keep their accounts, and can sign in again if it returns. */
	void remove(String id) {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		if (!this.store.delete(id)) {
			throw ApiException.notFound("identity provider", id, "id");
		}
		this.audit.record(caller.describe(), caller.clientId(), "RemoveIdentityProvider " + id, "OK");
	}

	private IdentityProvider existing(String id) {
		IdentityProvider provider = this.store.find(id);
		if (provider == null) {
			throw ApiException.notFound("identity provider", id, "id");
		}
		return provider;
	}

	private IdentityProviderView view(IdentityProvider provider) {
		return IdentityProviderView.of(provider, this.registrations.redirectUri(provider.id()));
	}

	private static ApiException taken(String id) {
		return ApiException.of(ErrorCode.CONFLICT, "This identity provider id is taken",
				"An identity provider '" + id + "' exists", "id");
	}

	private static void validate(String id, String name, String issuer, String clientId, String clientSecret,
			List<String> scopes, List<FieldViolation> violations) {
		if (!ID.matcher(id).matches()) {
			violations.add(new FieldViolation("id", "2 to 40 lower-case letters, digits and '-', starting with a letter or digit"));
		}
		if (name.isEmpty() || name.length() > 100) {
			violations.add(new FieldViolation("name", "is required, at most 100 characters"));
		}
		if (!issuerAllowed(issuer)) {
			violations.add(new FieldViolation("issuer",
					"must be an https URL without query or fragment (http only on localhost or 127.0.0.1)"));
		}
		if (clientId.isEmpty() || clientId.length() > 255) {
			violations.add(new FieldViolation("clientId", "is required, at most 255 characters"));
		}
		if (clientSecret.isEmpty() || clientSecret.length() > 500) {
			violations.add(new FieldViolation("clientSecret", "is required, at most 500 characters"));
		}
		if (scopes.stream().anyMatch(scope -> !scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}"))) {
			violations.add(new FieldViolation("scopes", "each a scope token (RFC 6749, section 3.3)"));
		}
	}

	private static boolean issuerAllowed(String issuer) {
		try {
			URI uri = new URI(issuer);
			if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || issuer.length() > 500) {
				return false;
			}
			return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
					&& ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
