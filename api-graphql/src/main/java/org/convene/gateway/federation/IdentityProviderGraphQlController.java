package org.convene.gateway.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.convene.gateway.graphql.UserErrors;

/** The {@code IdentityProvider} type and its administration queries and mutations. */
@Controller
class IdentityProviderGraphQlController {

	private final IdentityProviderAdmin admin;

	IdentityProviderGraphQlController(IdentityProviderAdmin admin) {
		this.admin = admin;
	}

	@QueryMapping
	List<IdentityProviderView> identityProviders() {
		return this.admin.list();
	}

	@MutationMapping
	Object registerIdentityProvider(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> new IdentityProviderResult(this.admin.register(new LinkedHashMap<>(input))));
	}

	@MutationMapping
	Object setIdentityProviderEnabled(@Argument Map<String, Object> input) {
		return UserErrors.orUserError(() -> new IdentityProviderResult(
				this.admin.setEnabled((String) input.get("id"), Boolean.TRUE.equals(input.get("enabled")))));
	}

	@MutationMapping
	Object removeIdentityProvider(@Argument Map<String, Object> input) {
		String id = (String) input.get("id");
		return UserErrors.orUserError(() -> {
			this.admin.remove(id);
			return new RemovedIdentityProvider(id);
		});
	}

	/** The provider a mutation registered or changed. */
	record IdentityProviderResult(IdentityProviderView identityProvider) {
	}

	/** The id of the provider removed. */
	record RemovedIdentityProvider(String id) {
	}

}
