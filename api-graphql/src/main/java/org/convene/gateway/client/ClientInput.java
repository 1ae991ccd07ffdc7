package org.convene.gateway.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.convene.gateway.web.JsonFields;
import org.convene.grpc.FieldViolation;

/**
 * What an administrator sends to register a client, read from REST JSON or GraphQL input.
 *
 * @param clientId the id to give it
 * @param name display name
 * @param description what it is for
 * @param publicClient PUBLIC (true) or CONFIDENTIAL
 * @param grantTypes grant types
 * @param redirectUris redirect URIs
 * @param scopes scopes
 * @param firstParty a client of Convene's own
 * @param passwordGrant enables the password grant
 * @param requireConsent asks users to approve its scopes
 * @param ownerUserId the user a client-credentials token acts for, or null
 * @param ipAllowlist addresses it may be used from
 */
record ClientInput(String clientId, String name, String description, boolean publicClient, List<String> grantTypes,
		List<String> redirectUris, List<String> scopes, boolean firstParty, boolean passwordGrant, boolean requireConsent,
		UUID ownerUserId, List<String> ipAllowlist) {

	private static final Set<String> FIELDS = Set.of("clientId", "name", "description", "type", "grantTypes",
			"redirectUris", "scopes", "firstParty", "passwordGrant", "requireConsent", "ownerUserId", "ipAllowlist");

	static ClientInput read(Map<String, Object> input, List<FieldViolation> violations) {
		JsonFields fields = new JsonFields(input, FIELDS, "a client", violations);
		String type = fields.text("type", "CONFIDENTIAL");
		if (!type.equals("CONFIDENTIAL") && !type.equals("PUBLIC")) {
			violations.add(new FieldViolation("type", "must be CONFIDENTIAL or PUBLIC"));
		}
		UUID owner = null;
		String ownerText = fields.text("ownerUserId", "");
		if (!ownerText.isEmpty()) {
			try {
				owner = UUID.fromString(ownerText);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("ownerUserId", "must be a user id (UUID)"));
			}
		}
		boolean firstParty = fields.flag("firstParty", false);
		return new ClientInput(fields.text("clientId", "").strip(), fields.text("name", "").strip(),
				fields.text("description", ""), type.equals("PUBLIC"), fields.strings("grantTypes"),
				fields.strings("redirectUris"), fields.strings("scopes"), firstParty, fields.flag("passwordGrant", false),
				fields.flag("requireConsent", !firstParty), owner, fields.strings("ipAllowlist"));
	}

}
