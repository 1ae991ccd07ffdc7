package org.convene.gateway.auth;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import org.convene.gateway.audit.AuditReporter;

/** Rotation of the token signing key, for administrators. */
@RestController
@Tag(name = "Signing keys", description = "Token signing keys (administrators)")
class SigningKeyController {

	private final SigningKeys keys;

	private final AuditReporter audit;

	SigningKeyController(SigningKeys keys, AuditReporter audit) {
		this.keys = keys;
		this.audit = audit;
	}

	@PostMapping(path = "/api/v1/admin/signing-keys/rotate", produces = "application/json")
	@Operation(summary = "Rotate the signing key", description = "New tokens are signed with a new key; the old key stays "
			+ "published (and keeps verifying) for the retention period, CONVENE_SIGNING_KEY_RETENTION.")
	Map<String, String> rotate() {
		GatewayCaller caller = GatewayCaller.current().requireAdmin();
		String kid = this.keys.rotate();
		this.audit.record(caller.describe(), caller.clientId(), "RotateSigningKey", "OK");
		return Map.of("activeKeyId", kid);
	}

}
