package org.end287g.accounts.internal;

import org.end287g.notifications.TestSmtp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey origins set apart from the address the site is served at (as they once stayed
 * on 8080 whatever the port): adding a passkey is refused by the server, which says why,
 * and the page names where passkeys work instead of "could not be added" over a server
 * error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyWrongOriginBrowserTests extends PasskeyBrowserWalk {

	static final int PORT = TestSmtp.freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("end287g.webauthn.allowed-origins", () -> "http://localhost:8080");
	}

	@Test
	void aPasskeyRefusedForItsOriginIsExplainedNotAServerError() {
		String origin = "http://localhost:" + PORT;
		signInByLink(origin, 75);
		long passkeys = this.jdbc.sql("select count(*) from user_credentials").query(Long.class).single();
		assertThat(addPasskey(origin, "[data-passkey-error]"))
			.isEqualTo("Passkeys work only at this site's own address (http://localhost:8080). "
					+ "Open the site there and try again.");
		assertThat(this.jdbc.sql("select count(*) from user_credentials").query(Long.class).single())
			.isEqualTo(passkeys);
	}

}
