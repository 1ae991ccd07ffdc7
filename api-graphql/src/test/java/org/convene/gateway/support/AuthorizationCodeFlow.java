package org.convene.gateway.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser, as far as OAuth needs one: drives the authorization code flow with PKCE through
 * the real login page (and consent page) over HTTP, cookies and CSRF token included, and
 * exchanges the code at the token endpoint.
 */
public final class AuthorizationCodeFlow {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private static final Pattern CONSENT_STATE = Pattern.compile("name=\"state\"[^>]*value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String verifier;

	private String lastPage = "";

	public AuthorizationCodeFlow(String baseUrl) {
		this.baseUrl = baseUrl;
		byte[] bytes = new byte[48];
		new SecureRandom().nextBytes(bytes);
		this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The page the last step landed on, for assertions on errors. */
	public String lastPage() {
		return this.lastPage;
	}

	/**
	 * Signs in and returns the authorization code.
	 * @param consent scopes to approve if a consent page appears; null refuses to approve
	 */
	public Result authorize(String clientId, String redirectUri, String scope, String email, String password,
			List<String> consent) throws Exception {
		HttpResponse<String> response = get(authorizeUri(clientId, redirectUri, scope));
		if (isRedirectTo(response, "/login")) {
			String loginPage = get("/login").body();
			Map<String, String> login = new LinkedHashMap<>();
			login.put("username", email);
			login.put("password", password);
			login.put("_csrf", csrf(loginPage));
			response = post("/login", login);
			if (isRedirectTo(response, "/login?error")) {
				this.lastPage = get("/login?error").body();
				return Result.failed(this.lastPage);
			}
			response = get(location(response));
		}
		if (response.statusCode() == 200 && consent != null) {
			Matcher state = CONSENT_STATE.matcher(response.body());
			if (!state.find()) {
				return Result.failed(response.body());
			}
			StringBuilder body = new StringBuilder(form(Map.of("client_id", clientId, "state", state.group(1))));
			Matcher csrf = CSRF.matcher(response.body());
			if (csrf.find()) {
				body.append('&').append(form(Map.of("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2))));
			}
			consent.forEach(s -> body.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)));
			response = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/authorize"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		this.lastPage = response.body();
		String target = response.headers().firstValue("Location").orElse("");
		if (!target.startsWith(redirectUri)) {
			return Result.failed(response.statusCode() + " " + target + " " + response.body());
		}
		Map<String, String> query = query(URI.create(target).getRawQuery());
		return new Result(query.get("code"), query.get("error"), target);
	}

	/**
	 * Signs in through an external OpenID Connect provider: clicks its button on Convene's login
	 * page, signs in on the provider's own login page, and follows the redirects back through
	 * Convene to the client. Returns the code, or the page the flow stopped on.
	 */
	public Result authorizeThroughProvider(String clientId, String redirectUri, String scope, String providerLabel,
			String username, String password) throws Exception {
		HttpResponse<String> response = get(authorizeUri(clientId, redirectUri, scope));
		if (!isRedirectTo(response, "/login")) {
			return Result.failed("No sign-in asked: " + response.statusCode());
		}
		String loginPage = get("/login").body();
		Matcher button = Pattern.compile("href=\"([^\"]+)\"[^>]*>Sign in with " + Pattern.quote(providerLabel) + "<")
			.matcher(loginPage);
		if (!button.find()) {
			return Result.failed("No button for " + providerLabel + " on the login page:\n" + loginPage);
		}
		response = follow(get(button.group(1)), redirectUri);
		URI providerLogin = response.uri();
		Map<String, String> login = new LinkedHashMap<>();
		login.put("username", username);
		login.put("password", password);
		login.put("_csrf", csrf(response.body()));
		response = follow(post(providerLogin.resolve("/login").toString(), login), redirectUri);
		this.lastPage = response.body();
		String target = location(response);
		if (!target.startsWith(redirectUri)) {
			return Result.failed(response.uri() + " " + response.statusCode() + " " + response.body());
		}
		Map<String, String> query = query(URI.create(target).getRawQuery());
		return new Result(query.get("code"), query.get("error"), target);
	}

	/** Exchanges a code as a public client (PKCE, no secret); returns the token response as JSON text. */
	public HttpResponse<String> exchange(String clientId, String redirectUri, String code) throws Exception {
		return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
				"client_id", clientId, "code_verifier", this.verifier));
	}

	/** Refreshes as a public client. */
	public HttpResponse<String> refresh(String clientId, String refreshToken) throws Exception {
		return post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
	}

	/** One field of a flat JSON object, e.g. the access_token of a token response. */
	public static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		return value.find() ? value.group(1) : null;
	}

	private String authorizeUri(String clientId, String redirectUri, String scope) throws Exception {
		return "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri",
				redirectUri, "scope", scope, "state", "st-123", "code_challenge", challenge(), "code_challenge_method", "S256"));
	}

	/** Follows redirects, across hosts, until a page or a redirect to the client. */
	private HttpResponse<String> follow(HttpResponse<String> response, String redirectUri) throws Exception {
		while (response.statusCode() / 100 == 3 && !location(response).startsWith(redirectUri)) {
			response = get(response.uri().resolve(location(response)).toString());
		}
		return response;
	}

	private String challenge() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private HttpResponse<String> get(String pathOrUrl) throws Exception {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl;
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String pathOrUrl, Map<String, String> fields) throws Exception {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl;
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html,application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static boolean isRedirectTo(HttpResponse<String> response, String path) {
		return response.statusCode() / 100 == 3 && location(response).contains(path);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on the page:\n" + page);
		}
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw == null) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			values.put(key, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	/**
	 * Where the flow ended.
	 *
	 * @param code the authorization code, when granted
	 * @param error the OAuth error, when refused
	 * @param detail the redirect or page it ended on
	 */
	public record Result(String code, String error, String detail) {

		static Result failed(String detail) {
			return new Result(null, null, detail);
		}

	}

}
