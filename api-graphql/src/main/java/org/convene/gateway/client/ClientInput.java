package org.convene.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
		input.keySet()
			.stream()
			.filter(key -> !FIELDS.contains(key))
			.forEach(key -> violations.add(new FieldViolation(key, "is not a field of a client")));
		String type = text(input, "type", "CONFIDENTIAL", violations);
		if (!type.equals("CONFIDENTIAL") && !type.equals("PUBLIC")) {
			violations.add(new FieldViolation("type", "must be CONFIDENTIAL or PUBLIC"));
		}
		UUID owner = null;
		String ownerText = text(input, "ownerUserId", "", violations);
		if (!ownerText.isEmpty()) {
			try {
				owner = UUID.fromString(ownerText);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("ownerUserId", "must be a user id (UUID)"));
			}
		}
		boolean publicClient = type.equals("PUBLIC");
		return new ClientInput(text(input, "clientId", "", violations).strip(), text(input, "name", "", violations).strip(),
				text(input, "description", "", violations), publicClient, list(input, "grantTypes", violations),
				list(input, "redirectUris", violations), list(input, "scopes", violations),
				flag(input, "firstParty", false, violations), flag(input, "passwordGrant", false, violations),
				flag(input, "requireConsent", !flag(input, "firstParty", false, violations), violations), owner,
				list(input, "ipAllowlist", violations));
	}

	private static String text(Map<String, Object> input, String field, String fallback, List<FieldViolation> violations) {
		Object value = input.get(field);
		if (value == null) {
			return fallback;
		}
		if (value instanceof String text) {
			return text;
		}
		violations.add(new FieldViolation(field, "must be a string"));
		return fallback;
	}

	private static boolean flag(Map<String, Object> input, String field, boolean fallback, List<FieldViolation> violations) {
		Object value = input.get(field);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		violations.add(new FieldViolation(field, "must be true or false"));
		return fallback;
	}

	private static List<String> list(Map<String, Object> input, String field, List<FieldViolation> violations) {
		Object value = input.get(field);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
			List<String> strings = new ArrayList<>();
			items.forEach(item -> strings.add(((String) item).strip()));
			return List.copyOf(strings);
		}
		violations.add(new FieldViolation(field, "must be an array of strings"));
		return List.of();
	}

}
