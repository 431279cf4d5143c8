package org.end287g;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Started on another port with no address set, the site's address (mailed links,
 * passkeys) follows the port: application.properties derives it from server.port.
 */
@SpringBootTest(properties = "server.port=8151")
class SiteAddressFollowsPortTests {

	@Autowired
	SiteAddress site;

	@Test
	void linksStartWithThePortTheSiteIsServedOn() {
		assertThat(this.site.baseUrl()).isEqualTo("http://localhost:8151");
		assertThat(this.site.link("/sign-in")).isEqualTo("http://localhost:8151/sign-in");
	}

}
