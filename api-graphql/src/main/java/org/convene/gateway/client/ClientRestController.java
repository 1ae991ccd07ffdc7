package org.convene.gateway.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** OAuth client administration under {@code /api/v1/clients}; administrators' bearer tokens only. */
@RestController
@RequestMapping(path = "/api/v1/clients", produces = "application/json")
@Tag(name = "OAuth clients", description = "Client administration (administrators)")
class ClientRestController {

	private final ClientAdmin admin;

	ClientRestController(ClientAdmin admin) {
		this.admin = admin;
	}

	@GetMapping
	@Operation(summary = "List clients")
	List<ClientView> list() {
		return this.admin.list();
	}

	@GetMapping("/{clientId}")
	@Operation(summary = "Get a client")
	ClientView get(@PathVariable String clientId) {
		return this.admin.get(clientId);
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Register a client", description = "Body: clientId, name, description, type (CONFIDENTIAL|PUBLIC), "
			+ "grantTypes, redirectUris, scopes, firstParty, passwordGrant, requireConsent, ownerUserId, ipAllowlist. "
			+ "A confidential client's secret is in the response, and only there.")
	ResponseEntity<ClientView.ClientWithSecret> register(@RequestBody Map<String, Object> body) {
		ClientView.ClientWithSecret created = this.admin.register(body);
		return ResponseEntity.created(URI.create("/api/v1/clients/" + created.client().clientId())).body(created);
	}

	@PostMapping("/{clientId}/secret")
	@Operation(summary = "Rotate a confidential client's secret", description = "The old secret stops working at once.")
	ClientView.ClientWithSecret rotateSecret(@PathVariable String clientId) {
		return this.admin.rotateSecret(clientId);
	}

	@PostMapping("/{clientId}/disable")
	@Operation(summary = "Disable a client", description = "Its token requests fail; tokens it holds expire as usual.")
	ClientView disable(@PathVariable String clientId) {
		return this.admin.setDisabled(clientId, true);
	}

	@PostMapping("/{clientId}/enable")
	@Operation(summary = "Enable a disabled client")
	ClientView enable(@PathVariable String clientId) {
		return this.admin.setDisabled(clientId, false);
	}

}
