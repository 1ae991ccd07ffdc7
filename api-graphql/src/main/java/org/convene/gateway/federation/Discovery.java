package org.convene.gateway.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.convene.grpc.ApiException;

/**
 * Reads an OpenID Connect provider's discovery document (OpenID Connect Discovery 1.0,
 * section 4) when an administrator registers it; every failure names the issuer field.
 */
final class Discovery {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	IdentityProvider.Endpoints endpoints(String issuer) {
		URI document = URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration");
		Map<String, Object> metadata = fetch(document);
		if (!issuer.equals(metadata.get("issuer"))) {
			throw invalid("its discovery document names the issuer '" + metadata.get("issuer") + "', not '" + issuer + "'");
		}
		return new IdentityProvider.Endpoints(required(metadata, "authorization_endpoint"),
				required(metadata, "token_endpoint"), required(metadata, "jwks_uri"),
				(String) metadata.get("userinfo_endpoint"));
	}

	private Map<String, Object> fetch(URI document) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(document)
				.timeout(TIMEOUT)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw invalid("its discovery document " + document + " answered HTTP " + response.statusCode());
			}
			return JSONObjectUtils.parse(response.body());
		}
		catch (IOException ex) {
			throw invalid("its discovery document " + document + " could not be read: " + ex);
		}
		catch (ParseException ex) {
			throw invalid("its discovery document " + document + " is not a JSON object");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw invalid("reading its discovery document " + document + " was interrupted");
		}
	}

	private static String required(Map<String, Object> metadata, String name) {
		if (!(metadata.get(name) instanceof String value) || value.isBlank()) {
			throw invalid("its discovery document has no " + name);
		}
		return value;
	}

	private static ApiException invalid(String reason) {
		return ApiException.invalid("issuer", reason);
	}

}
