package org.convene.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

import org.convene.core.v1.proto.Role;
import org.convene.core.v1.proto.SetRolesRequest;
import org.convene.core.v1.proto.SignUpRequest;
import org.convene.core.v1.proto.User;
import org.convene.core.v1.proto.UserServiceGrpc;

/**
 * On first start: creates the administration client ({@code convene-admin}, client
 * credentials, every scope), the first-party web client ({@code convene-web}, public, PKCE)
 * and the first administrator. Secrets come from the environment when set; otherwise they are
 * random and written, once, to a file only the owner can read. No password is built in.
 */
@Component
class FirstStart implements ApplicationRunner {

	static final String ADMIN_CLIENT = "convene-admin";

	static final String WEB_CLIENT = "convene-web";

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final Clients clients;

	private final AuthServerProperties properties;

	private final PasswordEncoder passwords;

	private final UserServiceGrpc.UserServiceBlockingStub users;

	FirstStart(Clients clients, AuthServerProperties properties, PasswordEncoder passwords, io.grpc.ManagedChannel coreChannel,
			InternalCredentials credentials) {
		this.clients = clients;
		this.properties = properties;
		this.passwords = passwords;
		this.users = UserServiceGrpc.newBlockingStub(coreChannel).withCallCredentials(credentials);
	}

	@Override
	public void run(ApplicationArguments args) {
		StringBuilder written = new StringBuilder();
		if (this.clients.find(ADMIN_CLIENT) == null) {
			String secret = orRandom(this.properties.bootstrapClientSecret());
			if (create(adminClient(secret)) && blank(this.properties.bootstrapClientSecret())) {
				written.append("client.id=").append(ADMIN_CLIENT).append('\n').append("client.secret=").append(secret).append('\n');
			}
		}
		if (this.clients.find(WEB_CLIENT) == null) {
			create(webClient());
			this.clients.policies().save(new ClientPolicy(WEB_CLIENT, "Convene's own web and mobile front ends", true, false,
					false, null, List.of()));
		}
		String password = orRandom(this.properties.bootstrapAdminPassword());
		Thread admin = new Thread(() -> createAdministrator(password, written), "first-start-administrator");
		admin.setDaemon(true);
		admin.start();
	}

	/**
	 * core may still be starting: retries until the administrator exists. Signing up needs no
	 * credentials but granting the roles does, and core can verify the gateway's token only
	 * once the gateway serves its keys; so a failed grant is retried for the account this start
	 * created. An account that existed before (a later start) is left as it is.
	 */
	private void createAdministrator(String password, StringBuilder written) {
		Duration wait = Duration.ofSeconds(1);
		User created = null;
		while (true) {
			try {
				if (created == null) {
					created = this.users.signUp(SignUpRequest.newBuilder()
						.setEmail(this.properties.bootstrapAdminEmail())
						.setPassword(password)
						.setDisplayName("Administrator")
						.build());
				}
				this.users.setRoles(SetRolesRequest.newBuilder()
					.setId(created.getId())
					.addRoles(Role.ADMIN)
					.addRoles(Role.ORGANIZER)
					.build());
				if (blank(this.properties.bootstrapAdminPassword())) {
					written.append("admin.email=").append(this.properties.bootstrapAdminEmail()).append('\n')
						.append("admin.password=").append(password).append('\n');
				}
				log.info("Created the first administrator, {}", this.properties.bootstrapAdminEmail());
				break;
			}
			catch (StatusRuntimeException ex) {
				if (created == null && ex.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
					break;
				}
				sleep(wait);
				wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : wait.multipliedBy(2);
			}
		}
		if (!written.isEmpty()) {
			writeCredentials(written.toString());
		}
	}

	private RegisteredClient adminClient(String secret) {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(ADMIN_CLIENT)
			.clientName("Convene administration")
			.clientSecret(this.passwords.encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(scopes -> scopes.addAll(Clients.GRANTABLE_SCOPES))
			.tokenSettings(this.clients.tokenSettings())
			.build();
	}

	private RegisteredClient webClient() {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(WEB_CLIENT)
			.clientName("Convene web")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(this.properties.webRedirectUris()))
			.scopes(scopes -> {
				scopes.addAll(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL));
				scopes.addAll(Clients.GRANTABLE_SCOPES);
			})
			.clientSettings(this.clients.clientSettings(true, false))
			.tokenSettings(this.clients.tokenSettings())
			.build();
	}

	private boolean create(RegisteredClient client) {
		try {
			this.clients.registeredClients().save(client);
			log.info("Created the OAuth client {}", client.getClientId());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private void writeCredentials(String credentials) {
		Path file = this.properties.dataDir().resolve("bootstrap-credentials.properties").toAbsolutePath();
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, "# Convene first-start credentials, written " + Instant.now()
					+ ". Store them safely, then delete this file.\n" + credentials);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				log.warn("Cannot restrict the permissions of {} on this file system", file);
			}
			log.warn("First start: generated credentials were written to {}", file);
		}
		catch (IOException ex) {
			log.error("Could not write the first-start credentials to {}", file, ex);
		}
	}

	private static String orRandom(String configured) {
		if (!blank(configured)) {
			return configured;
		}
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
