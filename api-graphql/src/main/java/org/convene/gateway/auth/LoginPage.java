package org.convene.gateway.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The sign-in page: e-mail address and password, checked by core, and a button for each
 * external OpenID Connect provider an administrator has enabled.
 */
@Controller
class LoginPage {

	private final List<ExternalSignIn> externalSignIns;

	LoginPage(List<ExternalSignIn> externalSignIns) {
		this.externalSignIns = externalSignIns;
	}

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String page(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		StringBuilder html = new StringBuilder(1024).append("""
				<!doctype html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Sign in · Convene</title>
				<style>
				body{font-family:system-ui,sans-serif;background:#f5f5f7;margin:0;display:flex;justify-content:center}
				main{background:#fff;margin:4rem 1rem;padding:2rem;border-radius:12px;box-shadow:0 2px 12px #0001;width:100%;max-width:22rem}
				h1{font-size:1.4rem;margin:0 0 1.5rem}
				label{display:block;margin-bottom:1rem;font-size:.9rem}
				input{display:block;width:100%;box-sizing:border-box;margin-top:.3rem;padding:.6rem;font-size:1rem;border:1px solid #ccc;border-radius:6px}
				button,.external{display:block;width:100%;box-sizing:border-box;padding:.7rem;font-size:1rem;border-radius:6px;text-align:center;cursor:pointer}
				button{background:#3b5bdb;color:#fff;border:0}
				.external{border:1px solid #ccc;color:#222;text-decoration:none;margin-top:.6rem}
				.alert{padding:.7rem;border-radius:6px;margin-bottom:1rem;background:#fff0f0;color:#a00}
				.info{background:#f0f6ff;color:#124}
				.or{text-align:center;color:#888;margin:1.2rem 0 .4rem}
				</style>
				</head>
				<body>
				<main>
				<h1>Sign in to Convene</h1>
				""");
		if (request.getParameter("error") != null) {
			html.append("<p class=\"alert\" role=\"alert\">").append(htmlEscape(failure(request.getSession(false)))).append("</p>\n");
		}
		if (request.getParameter("logout") != null) {
			html.append("<p class=\"alert info\">You have signed out.</p>\n");
		}
		html.append("""
				<form method="post" action="/login">
				<label>E-mail address<input type="email" name="username" autocomplete="username" required autofocus></label>
				<label>Password<input type="password" name="password" autocomplete="current-password" required></label>
				""");
		if (csrf != null) {
			html.append("<input type=\"hidden\" name=\"").append(htmlEscape(csrf.getParameterName()))
				.append("\" value=\"").append(htmlEscape(csrf.getToken())).append("\">\n");
		}
		html.append("<button type=\"submit\">Sign in</button>\n</form>\n");
		List<ExternalSignIn.Option> options = this.externalSignIns.stream().flatMap(e -> e.options().stream()).toList();
		if (!options.isEmpty()) {
			html.append("<p class=\"or\">or</p>\n");
			for (ExternalSignIn.Option option : options) {
				html.append("<a class=\"external\" href=\"").append(htmlEscape(option.path())).append("\">Sign in with ")
					.append(htmlEscape(option.label())).append("</a>\n");
			}
		}
		return html.append("</main>\n</body>\n</html>\n").toString();
	}

	/** What went wrong at the last attempt, in words fit for the user. */
	private static String failure(HttpSession session) {
		Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (last instanceof BadCredentialsException) {
			return "Wrong e-mail address or password.";
		}
		if (last instanceof OAuth2AuthenticationException external) {
			String description = external.getError().getDescription();
			return description != null ? description : "Signing in with the external provider failed.";
		}
		if (last instanceof AuthenticationServiceException) {
			return "Sign-in is unavailable right now; try again shortly.";
		}
		return "Sign-in failed; please try again.";
	}

}
