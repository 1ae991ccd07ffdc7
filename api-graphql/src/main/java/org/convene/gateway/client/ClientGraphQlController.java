package org.convene.gateway.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.graphql.UserErrors;

/** The {@code OAuthClient} type and its administration queries and mutations. */
@Controller
@SchemaMapping(typeName = "OAuthClient")
class ClientGraphQlController {

	private final ClientAdmin admin;

	ClientGraphQlController(ClientAdmin admin) {
		this.admin = admin;
	}

	@QueryMapping
	List<ClientView> oauthClients() {
		return this.admin.list();
	}

	@QueryMapping
	ClientView oauthClient(@Argument String clientId) {
		return this.admin.get(clientId);
	}

	@MutationMapping
	Object registerOAuthClient(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> this.admin.register(new LinkedHashMap<>(input)));
	}

	@MutationMapping
	Object rotateOAuthClientSecret(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> this.admin.rotateSecret((String) input.get("clientId")));
	}

	@MutationMapping
	Object setOAuthClientDisabled(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> new OAuthClientResult(
				this.admin.setDisabled((String) input.get("clientId"), Boolean.TRUE.equals(input.get("disabled")))));
	}

	/** The client a mutation changed. */
	record OAuthClientResult(ClientView client) {
	}

}
