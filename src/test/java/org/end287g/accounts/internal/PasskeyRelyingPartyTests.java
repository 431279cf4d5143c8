package org.end287g.accounts.internal;

import java.util.Set;

import org.end287g.SiteAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passkeys belong to the site's address unless their relying party is set apart. */
class PasskeyRelyingPartyTests {

	@Test
	void unsetTheyFollowTheSiteAddress() {
		AccountsProperties.WebAuthn unset = new AccountsProperties.WebAuthn("", "end287g", Set.of());
		assertThat(unset.relyingPartyId(new SiteAddress("http://localhost:8151"))).isEqualTo("localhost");
		assertThat(unset.origins(new SiteAddress("http://localhost:8151"))).containsExactly("http://localhost:8151");
		assertThat(unset.relyingPartyId(new SiteAddress("https://end287g.example/"))).isEqualTo("end287g.example");
		assertThat(unset.origins(new SiteAddress("https://end287g.example/")))
			.containsExactly("https://end287g.example");
	}

	@Test
	void setTheyStayAsSet() {
		AccountsProperties.WebAuthn set = new AccountsProperties.WebAuthn("end287g.example", "end287g",
				Set.of("https://end287g.example", "https://www.end287g.example"));
		assertThat(set.relyingPartyId(new SiteAddress("http://localhost:8080"))).isEqualTo("end287g.example");
		assertThat(set.origins(new SiteAddress("http://localhost:8080")))
			.containsExactlyInAnyOrder("https://end287g.example", "https://www.end287g.example");
	}

}
