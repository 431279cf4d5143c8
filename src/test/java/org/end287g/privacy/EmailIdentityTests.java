package org.end287g.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When two addresses are the same person's, for one signature per person. */
class EmailIdentityTests {

	@Test
	void caseAndSpacesNeverMatter() {
		assertThat(EmailAddresses.identity("  Ana.Garcia@Example.ORG ")).isEqualTo("ana.garcia@example.org");
	}

	@Test
	void gmailIgnoresDotsAndPlusTagsAndGooglemailIsGmail() {
		assertThat(EmailAddresses.identity("A.Na.Garcia+petition@gmail.com")).isEqualTo("anagarcia@gmail.com");
		assertThat(EmailAddresses.identity("anagarcia@GoogleMail.com")).isEqualTo("anagarcia@gmail.com");
		assertThat(EmailAddresses.identity("ana.garcia+a+b@googlemail.com")).isEqualTo("anagarcia@gmail.com");
	}

	@Test
	void otherDomainsKeepDotsAndPlusTags() {
		assertThat(EmailAddresses.identity("ana.garcia+x@example.org")).isEqualTo("ana.garcia+x@example.org");
		assertThat(EmailAddresses.identity("ana.garcia@gmail.com.example.org"))
			.isEqualTo("ana.garcia@gmail.com.example.org");
		assertThat(EmailAddresses.identity("a.b@notgmail.com")).isEqualTo("a.b@notgmail.com");
	}

	@Test
	void malformedInputIsOnlyNormalised() {
		assertThat(EmailAddresses.identity(null)).isEmpty();
		assertThat(EmailAddresses.identity("no-at-sign")).isEqualTo("no-at-sign");
		assertThat(EmailAddresses.identity("@gmail.com")).isEqualTo("@gmail.com");
	}

	@Test
	void domainIsTheNormalisedPartAfterTheLastAt() {
		assertThat(EmailAddresses.domain("Ana@Example.ORG")).isEqualTo("example.org");
		assertThat(EmailAddresses.domain("none")).isEmpty();
	}

}
