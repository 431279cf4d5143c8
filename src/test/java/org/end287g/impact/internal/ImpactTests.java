package org.end287g.impact.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import javax.imageio.ImageIO;

import org.end287g.Staff;
import org.end287g.campaigns.Campaigns;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Impact figures and wins: the open data contracts, the pages that show them (in English
 * and Spanish), staff entering figures and wins and importing CSV, and every kind of bad
 * input refused with a translated reason and nothing half-saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImpactTests {

	static final String MECKLENBURG = "nc-mecklenburg-county-sheriffs-office";

	static final String HEADER = "agency,measure,value,qualifier,fiscal_year,from,to,source_title,source_publisher,"
			+ "source_url,source_date,note\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DraftWins drafts;

	@Autowired
	Campaigns campaigns;

	@BeforeEach
	void clean() {
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.jdbc.sql("delete from impact_figures where created_by <> 'migration'").update();
		this.jdbc
			.sql("delete from win_sources where win_id in (select id from wins where sheet_id is not null "
					+ "or created_at > TIMESTAMP WITH TIME ZONE '2026-12-06 00:00:01+00:00')")
			.update();
		this.jdbc
			.sql("delete from wins where sheet_id is not null "
					+ "or created_at > TIMESTAMP WITH TIME ZONE '2026-12-06 00:00:01+00:00'")
			.update();
	}

	@Test
	void theWinsApiListsTheShippedWinsMecklenburgFirstAmongThem() throws Exception {
		this.mvc.perform(get("/api/v1/wins"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(6))
			.andExpect(jsonPath("$[?(@.agency.slug == '" + MECKLENBURG + "')].ended").value("2018-12-05"))
			.andExpect(jsonPath("$[?(@.agency.slug == '" + MECKLENBURG + "')].how").value("ELECTION"))
			.andExpect(jsonPath("$[?(@.agency.slug == '" + MECKLENBURG + "')].agency.state").value("NC"))
			.andExpect(
					jsonPath("$[?(@.agency.name == \"Harris County Sheriff's Office\")].how").value("AGENCY_DECISION"))
			.andExpect(jsonPath("$[?(@.agency.name == \"Orange County Sheriff's Department\")].how").value("STATE_LAW"))
			.andExpect(
					jsonPath("$[?(@.agency.name == \"Maricopa County Sheriff's Office\")].how").value("ICE_TERMINATED"))
			.andExpect(jsonPath("$[0].agency.slug").value(MECKLENBURG))
			.andExpect(jsonPath("$[0].models").isArray())
			.andExpect(jsonPath("$[0].sources[0].title").isNotEmpty())
			// an agency ICE lists again keeps no address of its own; one it no longer
			// lists has
			// the tracker's form of one
			.andExpect(jsonPath("$[?(@.agency.name == \"Harris County Sheriff's Office\" && @.agency.slug == null)]")
				.exists())
			.andExpect(jsonPath("$[?(@.agency.name == \"Hudson County\")].agency.slug").value("nj-hudson-county"));
	}

	@Test
	void theImpactApiGivesAnAgencysFiguresWithTheirSourcesAsJsonAndCsv() throws Exception {
		this.mvc.perform(get("/api/v1/agencies/" + MECKLENBURG + "/impact"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures.length()").value(3))
			.andExpect(jsonPath("$.figures[?(@.measure == 'REMOVALS')].value").value(288))
			.andExpect(jsonPath("$.figures[?(@.measure == 'REMOVALS')].period").value("FY2017"))
			.andExpect(jsonPath("$.figures[?(@.measure == 'PEOPLE_PROCESSED')].value").value(15000))
			.andExpect(jsonPath("$.figures[?(@.measure == 'PEOPLE_PROCESSED')].source.title")
				.value("Webinar Discussion with Community Organizers and Lawyers Who Fought to End ICE Collaboration"));
		String csv = text(get("/api/v1/agencies/" + MECKLENBURG + "/impact.csv"));
		// the export names the agreement too (empty: the whole agency); an import may
		// leave
		// that column out, as files written before it do
		assertThat(csv).startsWith(HEADER.replace("agency,", "agency,model,").replace("\n", "\r\n"))
			.contains(",,REMOVALS,288,EXACT,2017,");
		// an agency the tracker knows without figures has none; anything else is unknown
		this.mvc.perform(get("/api/v1/agencies/" + TrackerFixture.GASTON + "/impact"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures.length()").value(0));
		this.mvc.perform(get("/api/v1/agencies/nowhere-at-all/impact")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/agencies/" + "x".repeat(300) + "/impact")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/agencies/<script>/impact")).andExpect(status().is4xxClientError());
		// the tracker's API still answers its own paths
		this.mvc.perform(get("/api/v1/stats")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/impact"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures.length()").value(2));
	}

	@Test
	void theWinsPageFiltersByHowAndYearAndEachStoryIsShareable() throws Exception {
		assertThat(text(get("/wins"))).contains("Agreements communities ended")
			.contains("Mecklenburg County Sheriff&#39;s Office")
			.contains("Showing 6 of 6")
			.contains("5 December 2018")
			.contains("nearly 26,000 people placed into deportation proceedings");
		assertThat(text(get("/wins").param("how", "ELECTION"))).contains("Showing 1 of 6").contains("Mecklenburg");
		assertThat(text(get("/wins").param("year", "2017"))).contains("Harris County").doesNotContain("Hudson County");
		this.mvc.perform(get("/wins").param("how", "<script>")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/wins").param("year", "20x8")).andExpect(status().isBadRequest());
		String story = text(get("/wins/nc-mecklenburg-county-sheriffs-office-2018"));
		assertThat(story).contains("property=\"og:title\"")
			.contains("https://wa.me/?text=")
			.contains("Garry McFadden")
			.contains(
					"more than 15,000 people placed into deportation proceedings through 287(g), 2006 to 5 December 2018.")
			.contains("National Immigration Project of the National Lawyers Guild");
		assertThat(text(get("/wins/nc-mecklenburg-county-sheriffs-office-2018").header("Accept-Language", "es")))
			.contains("cómo terminó el acuerdo 287(g)")
			.contains("más de 15.000 personas")
			.contains("Comparta esta victoria");
		assertThat(text(get("/wins").header("Accept-Language", "es")))
			.contains("Acuerdos que las comunidades terminaron")
			.contains("Un nuevo sheriff o una elección");
		this.mvc.perform(get("/wins/no-such-win")).andExpect(status().isNotFound());
	}

	@Test
	void aWinStoryIsSharedWithAnImageOfItsOwnInTheReadersLanguage() throws Exception {
		String slug = "nc-mecklenburg-county-sheriffs-office-2018";
		assertThat(text(get("/wins/" + slug))).contains("property=\"og:image\" content=\"")
			.contains("/wins/" + slug + "/share.png?lang=en");
		assertThat(text(get("/wins/" + slug).header("Accept-Language", "es")))
			.contains("/wins/" + slug + "/share.png?lang=es");
		for (String language : List.of("en", "es")) {
			byte[] png = this.mvc.perform(get("/wins/" + slug + "/share.png").param("lang", language))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/png"))
				.andExpect(header().string("Cache-Control", "max-age=86400, public"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			assertThat(image.getWidth()).isEqualTo(1200);
			assertThat(image.getHeight()).isEqualTo(630);
			// the green band of wins on top, white below it, and text drawn in the column
			assertThat(image.getRGB(600, 5) & 0xFFFFFF).isEqualTo(0x1D6B2F);
			assertThat(image.getRGB(1190, 620) & 0xFFFFFF).isEqualTo(0xFFFFFF);
			boolean inked = false;
			for (int x = 70; x < 1130 && !inked; x++) {
				for (int y = 130; y < 400 && !inked; y++) {
					inked = (image.getRGB(x, y) & 0xFFFFFF) == 0x1A1A1A;
				}
			}
			assertThat(inked).as("the title is drawn").isTrue();
		}
		this.mvc.perform(get("/wins/no-such-win/share.png")).andExpect(status().isNotFound());
		this.mvc.perform(get("/wins/%3Cscript%3E/share.png")).andExpect(status().is4xxClientError());
	}

	@Test
	void anAgencyThatEndedBeforeOurDataHasItsPageAtTheTrackersAddress() throws Exception {
		String page = text(get("/agencies/" + MECKLENBURG));
		assertThat(page).contains("<h1>Mecklenburg County Sheriff&#39;s Office</h1>")
			.contains("North Carolina")
			.contains("Mecklenburg County")
			.contains("Had a 287(g) agreement until 5 December 2018; it ended when a new sheriff took office.")
			.contains("Our data from ICE begin on")
			.contains("so this agency is not in ICE&#39;s lists")
			// its figures, with their sources
			.contains("15,000")
			.contains("National Immigration Project of the National Lawyers Guild")
			// the win's story and its page
			.contains("From 2006 the Sheriff&#39;s Office in Charlotte")
			.contains("href=\"/wins/nc-mecklenburg-county-sheriffs-office-2018\"")
			// help near the county, what is near it now, campaigns in the state
			.contains("href=\"/help?county=37119\"")
			.contains("href=\"/near?county=37119\"")
			.contains("href=\"/campaigns?state=NC\"");
		String spanish = text(get("/agencies/" + MECKLENBURG).header("Accept-Language", "es"));
		assertThat(spanish)
			.contains("Tuvo un acuerdo 287(g) hasta el 5 de diciembre de 2018; terminó cuando asumió un nuevo sheriff.")
			.contains("Nuestros datos de ICE comienzan el")
			.contains("15.000")
			.contains("Desde 2006 la Oficina del Sheriff de Charlotte")
			.contains("Ayuda cerca de Mecklenburg County, NC");
		// the language switch works as on every page
		assertThat(text(get("/agencies/" + MECKLENBURG).param("lang", "es"))).contains("Tuvo un acuerdo 287(g)");
		// the story leads to the agency's page
		assertThat(text(get("/wins/nc-mecklenburg-county-sheriffs-office-2018")))
			.contains("href=\"/agencies/" + MECKLENBURG + "\"");
		// the tracker's own agencies keep their page; unknown ones stay unknown
		assertThat(text(get("/agencies/" + TrackerFixture.GASTON))).contains("Read the agreement")
			.doesNotContain("Our data from ICE begin on");
		// the other shipped wins of agencies ICE no longer lists have their page too
		assertThat(text(get("/agencies/az-maricopa-county-sheriffs-office")))
			.contains("<h1>Maricopa County Sheriff&#39;s Office</h1>")
			.contains("ICE itself ended it")
			.contains("href=\"/help?county=04013\"");
		assertThat(text(get("/agencies/nj-hudson-county"))).contains("Had a 287(g) agreement until March 2018")
			.contains("href=\"/wins/nj-hudson-county-2018\"");
		this.mvc.perform(get("/agencies/nowhere-at-all")).andExpect(status().isNotFound());
		this.mvc.perform(get("/agencies/" + "a".repeat(300))).andExpect(status().isNotFound());
		this.mvc.perform(get("/agencies/%3Cscript%3E")).andExpect(status().is4xxClientError());
	}

	@Test
	void theHistoryGivesModelsDatePrecisionAndHowAndADraftWinGivesNoPage() throws Exception {
		String slug = "tx-before-our-data-police-department";
		try {
			this.jdbc.sql("""
					insert into wins (slug, status, agency_name, state, agency_slug, models, ended_on, ended_precision,
					how, story_en, created_at, updated_at) values (?, 'PUBLISHED', 'Before Our Data Police Department',
					'TX', ?, 'JEM,TFM', DATE '2017-02-01', 'MONTH', 'AGENCY_DECISION', ?, current_timestamp,
					current_timestamp)""").params(slug + "-2017", slug, "A long story. ".repeat(60)).update();
			String page = text(get("/agencies/" + slug));
			assertThat(page).contains(
					"Had a 287(g) agreement (models JEM, TFM) until February 2017; the agency itself decided to end it.")
				.contains("Texas")
				// no county in its name: help for the whole directory, campaigns in the
				// state
				.contains("href=\"/help\"")
				.contains("href=\"/campaigns?state=TX\"")
				.contains("Read the whole story")
				.doesNotContain("A long story. ".repeat(40));
			assertThat(text(get("/agencies/" + slug).header("Accept-Language", "es"))).contains(
					"Tuvo un acuerdo 287(g) (modelos JEM, TFM) hasta febrero de 2017; la propia agencia decidió terminarlo.");
			// found by the site's search, in its language; generic words alone find
			// nothing
			assertThat(text(get("/search").param("q", "before our data"))).contains("href=\"/agencies/" + slug + "\"")
				.contains("Ended in February 2017");
			assertThat(text(get("/search").param("q", "Harris before our data")))
				.doesNotContain("href=\"/agencies/" + slug + "\"");
			this.jdbc.sql("update wins set status = 'DRAFT' where agency_slug = ?").param(slug).update();
			Thread.sleep(600);
			this.mvc.perform(get("/agencies/" + slug)).andExpect(status().isNotFound());
		}
		finally {
			this.jdbc.sql("delete from wins where agency_slug = ?").param(slug).update();
		}
	}

	@Test
	void searchingMecklenburgFindsTheAgencyThatEndedBeforeOurData() throws Exception {
		assertThat(text(get("/search").param("q", "Mecklenburg"))).contains("Agreements that ended before our data")
			.contains("href=\"/agencies/" + MECKLENBURG + "\"")
			.contains("Ended on 5 December 2018");
		assertThat(text(get("/search").param("q", "mecklenburg county sheriff").header("Accept-Language", "es")))
			.contains("Acuerdos que terminaron antes de nuestros datos")
			.contains("Terminó el 5 de diciembre de 2018");
		assertThat(text(get("/search").param("q", "county sheriff"))).doesNotContain("/agencies/" + MECKLENBURG + "\"");
		assertThat(text(get("/search").param("q", "Gaston"))).doesNotContain("Agreements that ended before our data");
	}

	@Test
	void theHomePageCountsTheWins() throws Exception {
		assertThat(text(get("/"))).contains("href=\"/wins\"").contains("agreements ended: see how communities won");
		assertThat(text(get("/").header("Accept-Language", "es"))).contains("acuerdos terminados");
	}

	@Test
	void staffFiguresShowOnTheAgencyAndCampaignPagesWithAChartOverTheYears() throws Exception {
		String csv = HEADER + TrackerFixture.GASTON
				+ ",REMOVALS,120,,2018,,,ICE statistics,ICE,https://www.ice.gov/,,\n" + TrackerFixture.GASTON
				+ ",REMOVALS,\"1,340\",AT_LEAST,2019,,,ICE statistics,ICE,https://www.ice.gov/,,\n";
		importCsv(csv, false).andExpect(status().isOk());
		String page = text(get("/agencies/" + TrackerFixture.GASTON));
		assertThat(page).contains("What 287(g) did here")
			.contains("more than 1,340 people deported through 287(g), fiscal year 2019.")
			.contains("class=\"bars\"")
			.contains("width:100%")
			.contains("width:9%");
		assertThat(text(get("/agencies/" + TrackerFixture.GASTON).header("Accept-Language", "es")))
			.contains("Lo que 287(g) hizo aquí")
			.contains("más de 1.340 personas deportadas");
		this.campaigns.createMissing();
		String slug = this.jdbc.sql("select slug from campaigns where agency_slug = ?")
			.param(TrackerFixture.GASTON)
			.query(String.class)
			.single();
		assertThat(text(get("/campaigns/" + slug))).contains("What 287(g) did here").contains("1,340");
	}

	@Test
	void staffAddAndDeleteAFigureAndBadFiguresAreRefusedWithAReason() throws Exception {
		long before = figures();
		figure("REMOVALS", "42", "2020", "", "", "A report", "https://example.org/r")
			.andExpect(redirectedUrl("/admin/impact"));
		assertThat(figures()).isEqualTo(before + 1);
		// the same again is a duplicate
		assertThat(refused(figure("REMOVALS", "42", "2020", "", "", "A report", "https://example.org/r")))
			.contains("already saved");
		assertThat(refused(figure("REMOVALS", "-5", "2020", "", "", "A report", ""))).contains("cannot be negative");
		assertThat(refused(figure("REMOVALS", "12abc", "2020", "", "", "A report", ""))).contains("whole number");
		assertThat(refused(figure("REMOVALS", "9".repeat(5000), "2020", "", "", "A report", "")))
			.contains("whole number");
		assertThat(refused(figure("REMOVALS", "5", "", "2019-05-01", "2018-01-01", "A report", "")))
			.contains("ends before it starts");
		assertThat(refused(figure("REMOVALS", "5", "2020", "", "", "   ", ""))).contains("Please fill this in");
		assertThat(refused(figure("REMOVALS", "5", "2020", "", "", "A report", "javascript:alert(1)")))
			.contains("http:// or https://");
		assertThat(refused(figure("REMOVALS", "5", "2020", "", "", "A report", "ftp://example.org/x")))
			.contains("http:// or https://");
		assertThat(refused(figure("REMOVALS", "5", "2020", "", "", "Evil\u202Eroda", ""))).contains("invisible");
		assertThat(refused(figure("REMOVALS", "5", "2020", "", "", "x".repeat(100_000), ""))).contains("too long");
		assertThat(refused(figure("<script>", "5", "2020", "", "", "A report", ""))).contains("listed values");
		assertThat(refused(figure("REMOVALS", "", "", "", "", "", ""))).contains("Please fill this in");
		assertThat(text(post("/admin/impact/figures").with(Staff.admin())
			.with(csrf())
			.header("Accept-Language", "es")
			.param("agency", TrackerFixture.GASTON)
			.param("measure", "REMOVALS")
			.param("value", "-1")
			.param("fiscalYear", "2020")
			.param("sourceTitle", "Informe"), 400)).contains("Una cifra no puede ser negativa");
		assertThat(figures()).isEqualTo(before + 1);
		long id = this.jdbc.sql("select max(id) from impact_figures").query(Long.class).single();
		this.mvc.perform(post("/admin/impact/figures/" + id + "/delete").with(Staff.admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/impact"));
		assertThat(figures()).isEqualTo(before);
		this.mvc.perform(post("/admin/impact/figures/" + id + "/delete").with(Staff.admin()).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFigureMayCountOneOfAnAgencysAgreements() throws Exception {
		long before = figures();
		this.mvc
			.perform(post("/admin/impact/figures").with(Staff.admin())
				.with(csrf())
				.param("agency", TrackerFixture.GASTON)
				.param("model", "jem")
				.param("measure", "DETAINERS")
				.param("value", "77")
				.param("fiscalYear", "2019")
				.param("sourceTitle", "Jail agreement report"))
			.andExpect(redirectedUrl("/admin/impact"));
		// the same count for the agency as a whole is another figure
		figure("DETAINERS", "77", "2019", "", "", "Jail agreement report", "")
			.andExpect(redirectedUrl("/admin/impact"));
		assertThat(figures()).isEqualTo(before + 2);
		assertThat(text(get("/agencies/" + TrackerFixture.GASTON))).contains("Agreement: JEM.");
		assertThat(text(get("/agencies/" + TrackerFixture.GASTON).header("Accept-Language", "es")))
			.contains("Acuerdo: JEM.");
		this.mvc.perform(get("/api/v1/agencies/" + TrackerFixture.GASTON + "/impact"))
			.andExpect(jsonPath("$.figures[?(@.source.title == 'Jail agreement report' && @.model == 'JEM')]").exists())
			.andExpect(jsonPath("$.figures[?(@.source.title == 'Jail agreement report' && @.model == null)]").exists());
		assertThat(text(get("/api/v1/agencies/" + TrackerFixture.GASTON + "/impact.csv")))
			.startsWith("agency,model,measure,")
			.contains(TrackerFixture.GASTON + ",JEM,DETAINERS,77,");
		// a national figure names no agreement, and only the three models exist
		assertThat(text(post("/admin/impact/figures").with(Staff.admin())
			.with(csrf())
			.param("agency", "")
			.param("model", "JEM")
			.param("measure", "REMOVALS")
			.param("value", "5")
			.param("fiscalYear", "2019")
			.param("sourceTitle", "A report"), 400)).contains("A national figure cannot name an agreement");
		assertThat(text(post("/admin/impact/figures").with(Staff.admin())
			.with(csrf())
			.header("Accept-Language", "es")
			.param("agency", TrackerFixture.GASTON)
			.param("model", "<b>ICE</b>")
			.param("measure", "REMOVALS")
			.param("value", "5")
			.param("fiscalYear", "2019")
			.param("sourceTitle", "Informe"), 400)).contains("Elija uno de los valores de la lista");
		// a CSV may name the agreement in a column of its own
		String csv = "agency,model,measure,value,qualifier,fiscal_year,from,to,source_title,source_publisher,"
				+ "source_url,source_date,note\n" + TrackerFixture.GASTON
				+ ",WSO,PEOPLE_HELD,12,,2020,,,Warrant report,,,,\n"
				+ ",TFM,PEOPLE_HELD,12,,2020,,,Warrant report,,,,\n";
		assertThat(text(post("/admin/impact/import").with(Staff.admin()).with(csrf()).param("csv", csv), 400))
			.contains("A national figure cannot name an agreement");
		assertThat(figures()).isEqualTo(before + 2);
		this.mvc
			.perform(post("/admin/impact/import").with(Staff.admin())
				.with(csrf())
				.param("csv", csv.substring(0, csv.lastIndexOf(",TFM")))
				.param("dryRun", "false"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select model from impact_figures where source_title = 'Warrant report'")
			.query(String.class)
			.list()).containsExactly("WSO");
	}

	@Test
	void aCsvImportIsCheckedLineByLineAndSavesAllOrNothing() throws Exception {
		long before = figures();
		String good = HEADER + TrackerFixture.GASTON
				+ ",DETAINERS,300,,2021,,,County report,Gaston County,,2022-01-10,\n"
				+ ",COST,\"250,000\",ABOUT,,2020-01-01,2020-12-31,Budget,,https://example.org/b,,\"Jail, staff\"\n";
		assertThat(text(importCsv(good, true), 200)).contains("2 figures checked and ready");
		assertThat(figures()).as("a dry run saves nothing").isEqualTo(before);
		assertThat(text(importCsv(good, false), 200)).contains("2 figures saved");
		assertThat(figures()).isEqualTo(before + 2);
		// the same file again: every line a duplicate, nothing saved
		assertThat(text(importCsv(good, false), 400)).contains("Line 2: This figure is already saved")
			.contains("Line 3: This figure is already saved");
		String mixed = HEADER + TrackerFixture.GASTON + ",DETAINERS,301,,2022,,,County report,,,,\n"
				+ TrackerFixture.GASTON + ",DETAINERS,-3,,2023,,,County report,,,,\n" + TrackerFixture.GASTON
				+ ",DETAINERS,3,,,2023-05-01,2023-01-01,County report,,,,\n" + TrackerFixture.GASTON
				+ ",DETAINERS,3,,2024,,,,,,,\n" + TrackerFixture.GASTON
				+ ",DETAINERS,3,,2025,,,County report,,javascript:alert(1),,\n" + TrackerFixture.GASTON
				+ ",DETAINERS,3,,2026,,,County report,,,,\n" + TrackerFixture.GASTON
				+ ",DETAINERS,3,,2026,,,County report,,,,\n"
				+ "=cmd|' /C calc'!A0,DETAINERS,3,,2027,,,County report,,,,\n" + "only,two\n";
		String answer = text(importCsv(mixed, false), 400);
		assertThat(answer).contains("Line 3, Value: A figure cannot be negative.")
			.contains("Line 4, To: The period ends before it starts.")
			.contains("Line 5, Source title: Please fill this in.")
			.contains("Line 6, Source address: Please give a web address starting with http:// or https://.")
			.contains("Line 8: This figure is already on an earlier line of the file.")
			.contains("Line 9, Agency:")
			.contains("Line 10: This line has a different number of values than the header.")
			.doesNotContain("Line 2");
		assertThat(figures()).as("nothing half-saved").isEqualTo(before + 2);
		assertThat(text(importCsv("", false), 400)).contains("This file has no figures");
		assertThat(text(importCsv(HEADER, false), 400)).contains("This file has no figures");
		assertThat(text(importCsv("a,b,c\n1,2,3\n", false), 400)).contains("The first line must name the columns");
		assertThat(text(importCsv(HEADER + "\"open,quote\n", false), 400)).contains("A quote is left open");
		StringBuilder huge = new StringBuilder(HEADER);
		for (int i = 0; i < FigureCsv.MAX_LINES + 1; i++) {
			huge.append(TrackerFixture.GASTON)
				.append(",DETAINERS,")
				.append(i)
				.append(",,2020,,,R")
				.append(i)
				.append(",,,,\n");
		}
		assertThat(text(importCsv(huge.toString(), false), 400)).contains("too many lines");
		MockMultipartFile latin1 = new MockMultipartFile("file", "f.csv", "text/csv",
				(HEADER + ",COST,1,,2020,,,Año,,,,\n").getBytes(StandardCharsets.ISO_8859_1));
		assertThat(text(multipart("/admin/impact/import").file(latin1).with(Staff.admin()).with(csrf()), 400))
			.contains("not UTF-8");
		assertThat(text(multipart("/admin/impact/import").param("csv", HEADER + ",COST,-1,,2020,,,X,,,,\n")
			.with(Staff.admin())
			.with(csrf())
			.header("Accept-Language", "es"), 400)).contains("Línea 2, Valor: Una cifra no puede ser negativa.");
		assertThat(figures()).isEqualTo(before + 2);
	}

	@Test
	void staffWriteWinsAndAnImportThatRemovesAnAgreementOpensADraft() throws Exception {
		long latest = this.jdbc.sql("select max(id) from ice_sheet where list = 'PARTICIPATING' and accepted = true")
			.query(Long.class)
			.single();
		IceSheetImported imported = new IceSheetImported(latest, "PARTICIPATING",
				LocalDateTime.parse("2025-06-27T12:00"));
		assertThat(this.drafts.open(imported)).isEqualTo(1);
		assertThat(this.drafts.open(imported)).as("once per agency and sheet").isZero();
		long draft = this.jdbc.sql("select id from wins where sheet_id = ?").param(latest).query(Long.class).single();
		assertThat(text(get("/admin").with(Staff.admin()))).contains("Draft wins to complete");
		this.mvc.perform(get("/api/v1/wins")).andExpect(jsonPath("$.length()").value(6));

		// publishing needs the story in both languages and a titled source, with http(s)
		assertThat(refused(win(draft, "PUBLISHED", "", "", ""))).contains("Please fill this in");
		assertThat(refused(win(draft, "PUBLISHED", "Story", "Historia", " | Publisher | https://example.org/")))
			.contains("needs a title");
		assertThat(refused(win(draft, "PUBLISHED", "Story", "Historia", "Title | P | javascript:alert(1)")))
			.contains("http:// or https://");
		assertThat(refused(win(draft, "PUBLISHED", "Story", "Historia", "Title | P | https://x.org | 2025-13-45")))
			.contains("YYYY-MM-DD");
		assertThat(refused(win(draft, "PUBLISHED", "x".repeat(5000), "Historia", "Title"))).contains("too long");
		assertThat(this.jdbc.sql("select status from wins where id = ?").param(draft).query(String.class).single())
			.isEqualTo("DRAFT");
		win(draft, "PUBLISHED", "The constables stopped.", "Los alguaciles pararon.",
				"Sheet of 27 June 2025 | ICE | https://www.ice.gov/ | 2025-06-27")
			.andExpect(redirectedUrl("/admin/impact/wins"));
		this.mvc.perform(get("/api/v1/wins"))
			.andExpect(jsonPath("$.length()").value(7))
			.andExpect(jsonPath("$[0].agency.slug").value("harris-county-constable-precinct-1-tx"))
			.andExpect(jsonPath("$[0].how").value("ELECTION"))
			.andExpect(jsonPath("$[0].models[0]").value("JEM"));
		assertThat(text(get("/agencies/harris-county-constable-precinct-1-tx")))
			.contains("How Harris County Constable");

		// a new win for history, then deleted
		this.mvc
			.perform(post("/admin/impact/wins/new").with(Staff.admin())
				.with(csrf())
				.param("agencyName", "Example County Sheriff")
				.param("state", "nc")
				.param("ended", "2019-01-02")
				.param("how", "ELECTION")
				.param("status", "DRAFT"))
			.andExpect(redirectedUrl("/admin/impact/wins"));
		long added = this.jdbc.sql("select id from wins where slug = 'nc-example-county-sheriff-2019'")
			.query(Long.class)
			.single();
		assertThat(refused(post("/admin/impact/wins/new").with(Staff.admin())
			.with(csrf())
			.param("agencyName", "")
			.param("state", "North Carolina")
			.param("agencySlug", "Bad Slug!")
			.param("how", "MAGIC"))).contains("Please fill this in").contains("two letters");
		this.mvc.perform(post("/admin/impact/wins/" + added + "/delete").with(Staff.admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/impact/wins"));
		assertThat(this.jdbc.sql("select count(*) from win_sources where win_id = ?")
			.param(added)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theStaffPagesAreForStaffWithAPasskeyAndWorkInSpanish() throws Exception {
		this.mvc.perform(get("/admin/impact")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/impact").with(Staff.adminWithoutPasskey())).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/impact/import").with(Staff.adminWithoutPasskey()).with(csrf()).param("csv", HEADER))
			.andExpect(status().isForbidden());
		assertThat(text(get("/admin/impact").with(Staff.admin()).header("Accept-Language", "es")))
			.contains("Cifras de impacto")
			.contains("Importar un CSV");
		assertThat(text(get("/admin/impact/wins").with(Staff.admin()))).contains("Mecklenburg");
		long meck = this.jdbc.sql("select id from wins where agency_slug = ?")
			.param(MECKLENBURG)
			.query(Long.class)
			.single();
		assertThat(text(get("/admin/impact/wins/" + meck).with(Staff.admin()))).contains("Garry McFadden");
	}

	private ResultActions figure(String measure, String value, String year, String from, String to, String title,
			String url) throws Exception {
		return this.mvc.perform(post("/admin/impact/figures").with(Staff.admin())
			.with(csrf())
			.param("agency", TrackerFixture.GASTON)
			.param("measure", measure)
			.param("value", value)
			.param("fiscalYear", year)
			.param("from", from)
			.param("to", to)
			.param("sourceTitle", title)
			.param("sourceUrl", url));
	}

	private ResultActions win(long id, String status, String en, String es, String sources) throws Exception {
		return this.mvc.perform(post("/admin/impact/wins/" + id).with(Staff.admin())
			.with(csrf())
			.param("agencyName", "Harris County Constable Precinct 1")
			.param("state", "TX")
			.param("agencySlug", "harris-county-constable-precinct-1-tx")
			.param("models", "JEM")
			.param("ended", "2025-06-27")
			.param("precision", "DAY")
			.param("how", "ELECTION")
			.param("storyEn", en)
			.param("storyEs", es)
			.param("sources", sources)
			.param("status", status));
	}

	private ResultActions importCsv(String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/admin/impact/import").param("csv", csv)
			.param("dryRun", Boolean.toString(dryRun))
			.with(Staff.admin())
			.with(csrf()));
	}

	private String refused(ResultActions actions) throws Exception {
		return actions.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String refused(RequestBuilder request) throws Exception {
		return refused(this.mvc.perform(request));
	}

	private long figures() {
		return this.jdbc.sql("select count(*) from impact_figures").query(Long.class).single();
	}

	private String text(RequestBuilder request) throws Exception {
		return text(request, 200);
	}

	private String text(RequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String text(ResultActions actions, int status) throws Exception {
		return actions.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
