package org.end287g.tracker.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@Test
	void keysIgnoreCaseSpacingAndTypographicApostrophes() {
		assertThat(Names.key(" Calhoun  County Sheriff’s Office "))
			.isEqualTo(Names.key("CALHOUN COUNTY SHERIFF'S OFFICE"));
		assertThat(Names.tidy("link\u00a0|\u00a0addendum ")).isEqualTo("link | addendum");
	}

	@Test
	void slugsAreStableAndPlain() {
		assertThat(Names.slug("NC", "Gaston County Sheriff's Office")).isEqualTo("nc-gaston-county-sheriffs-office");
	}

	@Test
	void realRenamesAreSimilarAndNeighboursAreNot() {
		assertThat(sim("Indialantic Police Department", "Indiatlantic Police Department")).isGreaterThanOrEqualTo(0.85);
		assertThat(sim("Berrian County Sheriff's Offic", "Berrian County Sheriff's Office"))
			.isGreaterThanOrEqualTo(0.85);
		assertThat(sim("City of Melbourne Police Department", "Melbourne Police Department"))
			.isGreaterThanOrEqualTo(0.85);
		assertThat(sim("Lafourche County Sheriff's Office", "Lafourche Parish Sheriff's Office"))
			.isGreaterThanOrEqualTo(0.85);
		assertThat(sim("Lake Wales Police Department", "Lake Mary Police Department")).isLessThan(0.85);
		assertThat(sim("Milam County Sheriff's Office", "Dallam County Sheriff's Office")).isLessThan(0.85);
	}

	@Test
	void moaLinksKeepOnlyWebUrlsAndUnwrapOutlookSafeLinks() {
		assertThat(MoaLinks.url(
				"https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2Fx.pdf&data=05",
				"link"))
			.contains("https://www.ice.gov/doclib/287gMOA/x.pdf");
		assertThat(MoaLinks.url(null, "https://www.ice.gov/a.pdf")).contains("https://www.ice.gov/a.pdf");
		assertThat(MoaLinks.url("javascript:alert(1)", "link")).isEmpty();
		assertThat(MoaLinks.url(null, "link pending")).isEmpty();
	}

	private static double sim(String a, String b) {
		return Names.similarity(Names.key(a), Names.key(b));
	}

}
