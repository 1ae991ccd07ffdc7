package org.convene.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which addresses deliveries never go to, whatever a host name resolves to. */
class WebhookTargetsTests {

	private static boolean internal(String address) throws Exception {
		return WebhookTargets.isInternal(InetAddress.getByName(address));
	}

	@Test
	void refusesTheAddressesOfThePlatformsOwnNetwork() throws Exception {
		for (String address : new String[] { "127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.5.4",
				"172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "::1",
				"::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254" }) {
			assertThat(internal(address)).as(address).isTrue();
		}
	}

	@Test
	void acceptsPublicAddresses() throws Exception {
		for (String address : new String[] { "203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1",
				"2606:4700::1111" }) {
			assertThat(internal(address)).as(address).isFalse();
		}
	}

	@Test
	void refusesAHostThatDoesNotResolveOrResolvesInside() {
		assertThat(WebhookTargets.refusal("localhost")).contains("loopback");
		assertThat(WebhookTargets.refusal("no-such-host.invalid")).contains("does not resolve");
		assertThat(WebhookTargets.refusal("203.0.113.10")).isNull();
	}

	@Test
	void refusesAtConnectionTimeAHostThatResolvesInside() throws Exception {
		WebhookClient.PublicAddresses resolver = new WebhookClient.PublicAddresses();

		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> resolver.resolve("localhost"))
			.withMessageContaining("an address deliveries never go to");
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> resolver.resolve("169.254.169.254"));
		assertThat(resolver.resolve("203.0.113.10")).extracting(InetAddress::getHostAddress).containsExactly("203.0.113.10");
	}

}
