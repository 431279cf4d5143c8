package org.end287g.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When two addresses are the same person's, for one signature per person and the limits
 * per e-mail address.
 */
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
	void outlookHotmailLiveAndMsnIgnorePlusTagsButNotDotsNorEachOther() {
		assertThat(EmailAddresses.identity("Ana.Garcia+petition@Outlook.com")).isEqualTo("ana.garcia@outlook.com");
		assertThat(EmailAddresses.identity("ana+a+b@hotmail.com")).isEqualTo("ana@hotmail.com");
		assertThat(EmailAddresses.identity("ana+x@live.com")).isEqualTo("ana@live.com");
		assertThat(EmailAddresses.identity("ana+x@msn.com")).isEqualTo("ana@msn.com");
		assertThat(EmailAddresses.identity("a.na@outlook.com"))
			.isNotEqualTo(EmailAddresses.identity("ana@outlook.com"));
		assertThat(EmailAddresses.identity("ana@hotmail.com")).isNotEqualTo(EmailAddresses.identity("ana@outlook.com"));
	}

	@Test
	void icloudMeAndMacAreOneMailboxWithoutPlusTags() {
		assertThat(EmailAddresses.identity("ana.garcia+news@icloud.com")).isEqualTo("ana.garcia@icloud.com");
		assertThat(EmailAddresses.identity("Ana.Garcia@me.com")).isEqualTo("ana.garcia@icloud.com");
		assertThat(EmailAddresses.identity("ana.garcia+x@mac.com")).isEqualTo("ana.garcia@icloud.com");
		assertThat(EmailAddresses.identity("anagarcia@icloud.com")).isEqualTo("anagarcia@icloud.com");
	}

	@Test
	void protonIgnoresPlusTagsDotsHyphensAndUnderscoresOnEveryDomain() {
		assertThat(EmailAddresses.identity("ana.garcia+sign@proton.me")).isEqualTo("anagarcia@proton.me");
		assertThat(EmailAddresses.identity("ana_garcia@protonmail.com")).isEqualTo("anagarcia@proton.me");
		assertThat(EmailAddresses.identity("ana-garcia@protonmail.ch")).isEqualTo("anagarcia@proton.me");
		assertThat(EmailAddresses.identity("AnaGarcia+x@pm.me")).isEqualTo("anagarcia@proton.me");
	}

	@Test
	void fastmailIgnoresPlusTagsAndSubdomainAddressingIsTheName() {
		assertThat(EmailAddresses.identity("ana.garcia+x@fastmail.com")).isEqualTo("ana.garcia@fastmail.com");
		assertThat(EmailAddresses.identity("ana+x@fastmail.fm")).isEqualTo("ana@fastmail.fm");
		assertThat(EmailAddresses.identity("petitions@ana.fastmail.com")).isEqualTo("ana@fastmail.com");
		assertThat(EmailAddresses.identity("x@ana.fastmail.fm")).isEqualTo("ana@fastmail.fm");
		// one label only: a deeper name is not Fastmail's addressing
		assertThat(EmailAddresses.identity("x@a.b.fastmail.com")).isEqualTo("x@a.b.fastmail.com");
		assertThat(EmailAddresses.identity("ana@fastmail.com"))
			.isNotEqualTo(EmailAddresses.identity("ana@fastmail.fm"));
	}

	@Test
	void aLocalPartThatIsOnlyATagOrIgnoredCharactersIsKeptAsTyped() {
		assertThat(EmailAddresses.identity("+tag@gmail.com")).isEqualTo("+tag@gmail.com");
		assertThat(EmailAddresses.identity("...@gmail.com")).isEqualTo("...@gmail.com");
		assertThat(EmailAddresses.identity("_.-@proton.me")).isEqualTo("_.-@proton.me");
		assertThat(EmailAddresses.identity("ana@")).isEqualTo("ana@");
	}

	@Test
	void otherDomainsKeepDotsAndPlusTags() {
		assertThat(EmailAddresses.identity("ana.garcia+x@example.org")).isEqualTo("ana.garcia+x@example.org");
		assertThat(EmailAddresses.identity("ana.garcia@gmail.com.example.org"))
			.isEqualTo("ana.garcia@gmail.com.example.org");
		assertThat(EmailAddresses.identity("a.b@notgmail.com")).isEqualTo("a.b@notgmail.com");
		assertThat(EmailAddresses.identity("a+b@outlook.com.example.org")).isEqualTo("a+b@outlook.com.example.org");
		assertThat(EmailAddresses.identity("a+b@hotmail.es")).isEqualTo("a+b@hotmail.es");
		assertThat(EmailAddresses.identity("a+b@evilfastmail.com")).isEqualTo("a+b@evilfastmail.com");
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
