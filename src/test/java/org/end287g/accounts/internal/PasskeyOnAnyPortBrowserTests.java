package org.end287g.accounts.internal;

import org.end287g.SiteAddress;
import org.end287g.notifications.TestSmtp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site started on a port of its own, with nothing else set: mailed links and passkeys
 * follow the port (once they stayed on 8080, and adding a passkey failed with a server
 * error). Opened at another address of the machine, the passkey page says where passkeys
 * work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyOnAnyPortBrowserTests extends PasskeyBrowserWalk {

	static final int PORT = TestSmtp.freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Autowired
	SiteAddress site;

	@Test
	void mailedLinksAndPasskeysWorkOnThePortTheSiteIsServedOn() {
		assertThat(this.site.baseUrl()).isEqualTo("http://localhost:" + PORT);
		String origin = "http://localhost:" + PORT;
		String link = signInByLink(origin, 73);
		assertThat(link).startsWith(origin + "/sign-in/link?token=");
		assertThat(addPasskey(origin, ".form-notice")).isEqualTo("The passkey is added. Next time, sign in with it.");
	}

	@Test
	void anotherAddressOfThisMachineIsToldWherePasskeysWork() {
		String origin = "http://127.0.0.1:" + PORT;
		signInByLink(origin, 74);
		this.browser.get(origin + "/account/passkeys?lang=es");
		assertThat(addPasskey(origin, "[data-passkey-error]"))
			.isEqualTo("Las llaves de acceso solo funcionan en la dirección propia de este sitio (http://localhost:"
					+ PORT + "). Abra el sitio allí e inténtelo de nuevo.");
	}

}
