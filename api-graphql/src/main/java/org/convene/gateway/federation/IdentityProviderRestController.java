package org.convene.gateway.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** External OpenID Connect providers under {@code /api/v1/identity-providers}; administrators' bearer tokens only. */
@RestController
@RequestMapping(path = "/api/v1/identity-providers", produces = "application/json")
@Tag(name = "Identity providers", description = "Federated sign-in with external OpenID Connect providers (administrators)")
class IdentityProviderRestController {

	private final IdentityProviderAdmin admin;

	IdentityProviderRestController(IdentityProviderAdmin admin) {
		this.admin = admin;
	}

	@GetMapping
	@Operation(summary = "List identity providers")
	List<IdentityProviderView> list() {
		return this.admin.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an identity provider")
	IdentityProviderView get(@PathVariable String id) {
		return this.admin.get(id);
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Register an identity provider", description = "Body: id, name, issuer, clientId, clientSecret, "
			+ "scopes (default openid email profile). The issuer's discovery document is read now. Register the "
			+ "answer's redirectUri at the provider.")
	ResponseEntity<IdentityProviderView> register(@RequestBody Map<String, Object> body) {
		IdentityProviderView created = this.admin.register(body);
		return ResponseEntity.created(URI.create("/api/v1/identity-providers/" + created.id())).body(created);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable an identity provider", description = "The login page stops offering it.")
	IdentityProviderView disable(@PathVariable String id) {
		return this.admin.setEnabled(id, false);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable an identity provider")
	IdentityProviderView enable(@PathVariable String id) {
		return this.admin.setEnabled(id, true);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove an identity provider", description = "Users it linked keep their Convene accounts.")
	ResponseEntity<Void> remove(@PathVariable String id) {
		this.admin.remove(id);
		return ResponseEntity.noContent().build();
	}

}
