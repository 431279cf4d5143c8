package org.end287g.toolkit;

import java.util.ArrayList;
import java.util.List;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every printed material of the toolkit fits its paper in English and in Spanish, with
 * the longest texts the forms and the importer allow: the flyer and the handout are one
 * page of US Letter, the signature sheet one landscape page. Nothing is drawn within a
 * quarter inch of an edge (what printers leave blank), and the QR codes, read back from
 * the page as a photocopier would render it, open the campaign in the material's
 * language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrintedMaterialsFitTests {

	static final String GASTON = "nc-gaston-county-sheriffs-office";

	/** What printers leave blank at every edge: a quarter inch. */
	static final float UNPRINTABLE = 18;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	String agency;

	Campaign longest;

	@BeforeEach
	void theLongestCampaign() {
		TestCampaigns.clear(this.jdbc);
		this.jdbc.sql("delete from impact_figures where created_by <> 'migration'").update();
		TrackerFixture fixture = new TrackerFixture(this.jdbc);
		fixture.load("COMMAND");
		String[] county = LongestInput.longestCounty();
		this.agency = LongestInput.agency(LongestInput.agencyName(this.jdbc));
		long id = fixture.agency("longest-" + county[1].toLowerCase(), county[1], "Longest", "COUNTY", county[0], null);
		this.jdbc.sql("update agency set name = ? where id = ?").params(this.agency, id).update();
		fixture.agreement(id, "JEM", "ACTIVE", "2025-09-28", null);
		fixture.agreement(id, "TFM", "ACTIVE", "2025-09-28", null);
		fixture.agreement(id, "WSO", "PENDING", null, null);
		this.campaigns.createMissing();
		this.longest = this.campaigns.forAgency("longest-" + county[1].toLowerCase()).orElseThrow();
		this.jdbc.sql("update campaigns set goal = 1000000 where id = ?").param(this.longest.id()).update();
		this.jdbc.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, 1, 999999)")
			.param(this.longest.id())
			.update();
	}

	byte[] fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	void petition(String text, String language) {
		this.jdbc.sql("update campaigns set petition_text = ?, petition_language = ? where id = ?")
			.params(text, language, this.longest.id())
			.update();
	}

	static void fits(byte[] pdf, int pages, String what) throws Exception {
		assertThat(Readers.pdfPages(pdf)).as(what + ": pages").isEqualTo(pages);
		assertThat(Readers.outsideMargins(pdf, UNPRINTABLE)).as(what + ": text off the paper").isEmpty();
	}

	@Test
	void everyMaterialFitsItsPageInBothLanguagesWithTheLongestTexts() throws Exception {
		int max = LongestInput.petition();
		assertThat(max).isEqualTo(5_000);
		String url = "http://localhost:8080/campaigns/" + this.longest.slug();
		for (String language : new String[] { "en", "es" }) {
			List<String> petitions = new ArrayList<>();
			petitions.add(null);
			petitions.add(LongestInput.prose(language, max));
			petitions.add(LongestInput.lines(max));
			petitions.add(LongestInput.word(max));
			for (String petition : petitions) {
				petition(petition, language);
				String shape = language + ", petition " + ((petition != null) ? petition.substring(0, 3) : "sample");
				String base = "/campaigns/" + this.longest.slug();
				byte[] flyer = fetch(base + "/flyer.pdf?lang=" + language);
				fits(flyer, 1, "flyer " + shape);
				assertThat(Readers.qr(Readers.photocopy(flyer, 0))).as(shape)
					.isEqualTo(url + "?lang=" + language + "&ref=flyer");
				String flyerText = Readers.pdfSquashed(flyer);
				assertThat(flyerText).contains(Readers.squash(this.agency.substring(0, 40)),
						"es".equals(language) ? "999.999de1.000.000" : "999,999of1,000,000");
				byte[] sheet = fetch(base + "/signature-sheet.pdf?sheet=9999&lang=" + language);
				fits(sheet, 1, "sheet " + shape);
				String sheetText = Readers.pdfSquashed(sheet);
				assertThat(sheetText).contains(Readers.squash(url));
				if (petition != null) {
					String whole = "es".equals(language) ? "La petición completa está en la página de la campaña."
							: "The whole petition is on the campaign page.";
					// cut, but its start is there (three lines of the line-after-line
					// petition)
					String start = Readers.squash(petition.substring(0, 12));
					assertThat(flyerText).contains(Readers.squash(whole), start);
					assertThat(sheetText).contains(Readers.squash(whole), start);
				}
			}
			byte[] handout = fetch("/campaigns/" + this.longest.slug() + "/handout.pdf?lang=" + language);
			fits(handout, 1, "handout " + language);
			assertThat(Readers.qr(Readers.photocopy(handout, 0))).isEqualTo(url + "?lang=" + language + "&ref=handout");
			assertThat(Readers.pdfSquashed(handout)).doesNotContain(Readers.squash("through 287(g)"),
					Readers.squash("a través de 287(g)"));
		}
		// with the agency's headline figure and the longest source the form allows
		String slug = this.longest.agencySlug();
		String title = "T".repeat(299) + "E";
		String publisher = "P".repeat(199) + "Z";
		this.jdbc.sql("""
				insert into impact_figures (agency_slug, measure, amount, qualifier, period_from, period_to,
				source_title, source_publisher, source_date, created_at, created_by)
				values (?, 'PEOPLE_PROCESSED', 9223372036854775807, 'AT_LEAST', DATE '2006-01-01', DATE '2018-12-05',
				?, ?, DATE '2019-02-28', CURRENT_TIMESTAMP, 'test')""").params(slug, title, publisher).update();
		this.jdbc.sql("""
				insert into impact_figures (agency_slug, measure, amount, qualifier, fiscal_year, source_title,
				created_at, created_by) values (?, 'ENCOUNTERS', 1300, 'EXACT', 2017, 'Encounters source',
				CURRENT_TIMESTAMP, 'test')""").param(slug).update();
		for (String language : new String[] { "en", "es" }) {
			byte[] handout = fetch("/campaigns/" + this.longest.slug() + "/handout.pdf?lang=" + language);
			fits(handout, 1, "handout with a figure " + language);
			assertThat(Readers.qr(Readers.photocopy(handout, 0))).isEqualTo(url + "?lang=" + language + "&ref=handout");
			String text = Readers.pdfSquashed(handout);
			assertThat(text).contains(Readers.squash(title), Readers.squash(publisher))
				.doesNotContain(Readers.squash("Encounters source"));
			if ("es".equals(language)) {
				assertThat(text).contains(
						Readers.squash("Más de 9.223.372.036.854.775.807 personas puestas en "
								+ "procesos de deportación a través de 287(g), de 2006 a 5 de diciembre de 2018."),
						"Fuente:");
			}
			else {
				assertThat(text).contains(Readers.squash("More than 9,223,372,036,854,775,807 people placed into "
						+ "deportation proceedings through 287(g), 2006 to 5 December 2018."), "Source:");
			}
		}
	}

}
