package org.end287g.decide;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.SignedLinks;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Elections and pledges: staff enter elections and candidates (form and CSV, nothing
 * half-saved, audited with the source); a candidate's signed link answers that
 * candidate's questionnaire only; staff record a public statement with its source; the
 * county page, the agency and campaign pages and the API show every answer side by side.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElectionTests {

	static final String HEADER = String.join(",", "kind", "office_name", "county_fips", "city", "agency_slug",
			"general_date", "primary_date", "filing_deadline", "early_voting_start", "candidate_name", "party",
			"candidate_email", "candidate_website", "source_title", "source_url", "checked_on");

	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	static final String GENERAL = TODAY.plusDays(90).toString();

	static final String PRIMARY = TODAY.plusDays(30).toString();

	static final String OFFICE = "SHERIFF,Gaston County Sheriff,37071,,gaston-county-sheriffs-office-nc,";

	static final String DATES = GENERAL + "," + PRIMARY + "," + TODAY.plusDays(10) + "," + TODAY.plusDays(75) + ",";

	static final String ANA = OFFICE + DATES
			+ "Ana Ruiz,Democratic,ana@ruizforsheriff.org,https://ruizforsheriff.org,NC State Board of Elections,"
			+ "https://www.ncsbe.gov/candidates,2026-11-01";

	static final String BOB = OFFICE + DATES
			+ "Bob Stone,Republican,bob@stoneforsheriff.org,,NC State Board of Elections,"
			+ "https://www.ncsbe.gov/candidates,2026-11-01";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	SignedLinks links;

	/** Leaves the directory empty for the classes that run after this one. */
	@AfterEach
	void emptyDirectory() {
		DecideTables.clear(this.jdbc);
	}

	@BeforeEach
	void clean() throws Exception {
		DecideTables.clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.mvc
			.perform(
					multipart("/admin/decide/import")
						.file(new MockMultipartFile("file", "nc.csv", "text/csv",
								(DecideTests.HEADER + "\n" + DecideTests.SHERIFF_LINE + "\n")
									.getBytes(StandardCharsets.UTF_8)))
						.param("state", "NC")
						.param("action", "save")
						.with(Staff.admin())
						.with(csrf()))
			.andExpect(status().isOk());
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	String html(RequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long office() {
		return this.jdbc.sql("select id from decide_offices where kind = 'SHERIFF'").query(Long.class).single();
	}

	long candidate(String name) {
		return this.jdbc.sql("select id from decide_candidates where name = ?").param(name).query(Long.class).single();
	}

	MockHttpServletRequestBuilder form(Map<String, String> values) {
		MockHttpServletRequestBuilder request = post("/admin/decide/elections").with(Staff.admin()).with(csrf());
		Map<String, String> all = new HashMap<>(Map.of("state", "NC", "office", Long.toString(office()), "generalDate",
				GENERAL, "primaryDate", PRIMARY, "candidateName", "Ana Ruiz", "candidateEmail",
				"ana@ruizforsheriff.org", "sourceTitle", "NC State Board of Elections", "sourceUrl",
				"https://www.ncsbe.gov/candidates", "checkedOn", "2026-11-01"));
		all.putAll(values);
		all.forEach(request::param);
		return request;
	}

	MockMultipartHttpServletRequestBuilder csv(String text, String action) {
		return multipart("/admin/decide/elections/import")
			.file(new MockMultipartFile("file", "nc.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)))
			.param("state", "NC")
			.param("action", action)
			.with(Staff.admin())
			.with(csrf());
	}

	void importAnaAndBob() throws Exception {
		assertThat(html(csv(HEADER + "\n" + ANA + "\n" + BOB + "\n", "save"), 200))
			.contains("2 lines imported: 1 new elections, 2 new candidates");
	}

	@Test
	void staffEnterElectionsAndCandidatesAuditedWithTheSource() throws Exception {
		this.mvc.perform(get("/admin/decide/elections")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/decide/elections").with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden());
		assertThat(html(get("/admin").with(Staff.admin()), 200)).contains("/admin/decide/elections");
		assertThat(html(get("/admin/decide").param("state", "NC").with(Staff.admin()), 200))
			.contains("/admin/decide/elections?state=NC");
		assertThat(html(get("/admin/decide/elections").param("state", "NC").with(Staff.admin()), 200))
			.contains("Elections and pledges", "Gaston County Sheriff", "general_date");
		long audited = count("audit_log where action like 'decide.%' and details = 'https://www.ncsbe.gov/candidates'");
		this.mvc.perform(form(Map.of())).andExpect(status().is3xxRedirection());
		// the same again updates; a second candidate joins the same election
		this.mvc.perform(form(Map.of("party", "Democratic"))).andExpect(status().is3xxRedirection());
		this.mvc.perform(form(Map.of("candidateName", "Bob  Stone", "candidateEmail", "")))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(form(Map.of("candidateName", "bob stone", "candidateEmail", "")))
			.andExpect(status().is3xxRedirection());
		assertThat(count("decide_elections")).isOne();
		assertThat(count("decide_candidates")).isEqualTo(2);
		assertThat(count("audit_log where action like 'decide.%' and details = 'https://www.ncsbe.gov/candidates'"))
			.isEqualTo(audited + 8);
		String page = html(get("/admin/decide/elections").param("state", "NC").with(Staff.admin()), 200);
		assertThat(page).contains("Ana Ruiz", "(Democratic)", "Mail the questionnaire", "Record a public statement");
	}

	@Test
	void staffFormRefusesEmptyHugeMalformedAndHostileInputSavingNothing() throws Exception {
		Map<String, String>[] bad = new Map[] { Map.of("generalDate", ""), Map.of("generalDate", "2026-02-30"),
				Map.of("generalDate", "next tuesday"), Map.of("primaryDate", TODAY.plusDays(100).toString()),
				Map.of("earlyVotingStart", TODAY.plusDays(120).toString()), Map.of("candidateName", "x".repeat(5_000)),
				Map.of("candidateName", "<script>alert(1)</script>"), Map.of("candidateName", "=HYPERLINK(\"x\")"),
				Map.of("candidateName", "", "party", "Green"), Map.of("candidateEmail", "not an address"),
				Map.of("candidateWebsite", "javascript:alert(1)"), Map.of("sourceUrl", ""), Map.of("sourceTitle", ""),
				Map.of("checkedOn", "2999-01-01"), Map.of("office", "99999999"), Map.of("office", "abc"),
				Map.of("office", "") };
		for (Map<String, String> values : bad) {
			assertThat(html(form(values), 400)).as(values.toString()).contains("field-error");
		}
		assertThat(html(form(Map.of()).param("state", "XX"), 400)).contains("field-error");
		assertThat(count("decide_elections")).isZero();
		assertThat(count("decide_candidates")).isZero();
		assertThat(
				html(form(Map.of("primaryDate", TODAY.plusDays(100).toString())).header("Accept-Language", "es"), 400))
			.contains("Las primarias deben ser antes de la elección general.");
	}

	@Test
	void csvImportChecksEveryLineAndSavesAllOrNothing() throws Exception {
		String good = HEADER + "\n" + ANA + "\n" + BOB + "\n";
		assertThat(html(csv(good, "check"), 200)).contains("All 2 lines are right");
		assertThat(count("decide_elections")).isZero();
		String[][] cases = { { "", "The file is empty." }, { HEADER + "\n", "a header but no lines" },
				{ DecideTests.HEADER + "\n" + ANA, "documented election columns" },
				{ HEADER + "\n" + ANA + "\n\"unclosed,", "never closed" },
				{ HEADER + "\n" + ANA + "\nSHERIFF,too,few", "Line 3</span>" },
				{ HEADER + "\n" + ANA + "\n" + BOB.replace("Bob Stone", "<img src=x onerror=alert(1)>"),
						"candidate_name" },
				{ HEADER + "\n" + ANA + "\n" + BOB.replace("Bob Stone", "@SUM(1+1)*cmd|' /C calc'!A0"), "not allowed" },
				{ HEADER + "\n" + ANA + "\n" + ANA.replace("Ana Ruiz", "ana  ruiz"), "repeats an earlier line" },
				{ HEADER + "\n" + ANA + "\n" + BOB.replace(PRIMARY, TODAY.plusDays(31).toString()), "other dates" },
				{ HEADER + "\n" + ANA + "\n" + BOB.replace("Gaston County Sheriff", "Nowhere Sheriff"),
						"No office of the directory" },
				{ HEADER + "\n" + ANA.replace(GENERAL, "12/01/2026"), "YYYY-MM-DD" },
				{ HEADER + "\n" + ANA.replace("ana@ruizforsheriff.org", "ana at ruiz"), "candidate_email" } };
		for (String[] c : cases) {
			assertThat(html(csv(c[0], "save"), 400)).as(c[1]).contains(c[1]).contains("Nothing was saved");
			assertThat(count("decide_elections")).as(c[1]).isZero();
			assertThat(count("decide_candidates")).as(c[1]).isZero();
		}
		StringBuilder huge = new StringBuilder(HEADER).append('\n');
		for (int i = 0; i < 5_001; i++) {
			huge.append(BOB.replace("Bob Stone", "Person " + i)).append('\n');
		}
		assertThat(html(csv(huge.toString(), "save"), 400)).contains("too many lines");
		assertThat(html(multipart("/admin/decide/elections/import")
			.file(new MockMultipartFile("file", "nc.csv", "text/csv", new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.param("state", "NC")
			.param("action", "save")
			.with(Staff.admin())
			.with(csrf()), 400)).contains("not UTF-8");
		assertThat(html(csv("", "save").header("Accept-Language", "es"), 400)).contains("El archivo está vacío.");
		assertThat(count("decide_elections")).isZero();
		importAnaAndBob();
		assertThat(html(csv(good, "save"), 200)).contains("2 updated");
		assertThat(count("decide_candidates")).isEqualTo(2);
	}

	@Test
	void aCandidatesLinkAnswersOnlyThatCandidatesQuestionnaire() throws Exception {
		importAnaAndBob();
		long ana = candidate("Ana Ruiz");
		long bob = candidate("Bob Stone");
		// staff mail it once; a second click within a day sends nothing more
		long queued = count("mail_outbox where template = 'candidate-questionnaire'");
		this.mvc
			.perform(post("/admin/decide/elections/candidates/{id}/ask", ana).param("state", "NC")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/admin/decide/elections/candidates/{id}/ask", ana).param("state", "NC")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(count("mail_outbox where template = 'candidate-questionnaire'")).isEqualTo(queued + 1);
		String token = this.links.sign("candidate-pledge", Long.toString(ana), Duration.ofDays(30));
		assertThat(html(get("/pledge").param("token", token), 200)).contains("Ana Ruiz", "Gaston County Sheriff",
				"Will you end the 287(g) agreement?", "we endorse no one");
		// refused: no token, a forged one, one for another purpose, a bad or hostile
		// answer
		this.mvc.perform(get("/pledge")).andExpect(status().isNotFound());
		this.mvc.perform(get("/pledge").param("token", token + "x")).andExpect(status().isNotFound());
		String other = this.links.sign("alert-confirm", Long.toString(bob), Duration.ofDays(30));
		this.mvc.perform(post("/pledge").param("token", other).param("answer", "NO").with(csrf()))
			.andExpect(status().isNotFound());
		for (String[] bad : new String[][] { { "", "" }, { "MAYBE", "" }, { "YES", "x".repeat(5_000) },
				{ "YES", "<script>alert(1)</script>" }, { "NO", "=cmd|' /C calc'!A0" } }) {
			assertThat(html(post("/pledge").param("token", token)
				.param("answer", bad[0])
				.param("statement", bad[1])
				.with(csrf()), 400)).contains("field-error");
		}
		assertThat(html(post("/pledge").param("token", token)
			.param("answer", "MAYBE")
			.with(csrf())
			.header("Accept-Language", "es"), 400)).contains("Elija Sí o No.");
		assertThat(this.jdbc.sql("select count(*) from decide_candidates where pledge is not null")
			.query(Long.class)
			.single()).isZero();
		// Ana's link, with Bob's id slipped in, answers for Ana only
		this.mvc
			.perform(post("/pledge").param("token", token)
				.param("answer", "YES")
				.param("statement", "I will end it on my first day.")
				.param("candidate", Long.toString(bob))
				.param("id", Long.toString(bob))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/pledge").param("token", token)
				.param("answer", "YES")
				.param("statement", "I will end it on my first day.")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select pledge_source from decide_candidates where id = ?")
			.param(ana)
			.query(String.class)
			.single()).isEqualTo("QUESTIONNAIRE");
		assertThat(this.jdbc.sql("select pledge from decide_candidates where id = ?")
			.param(bob)
			.query(String.class)
			.optional()).isEmpty();
		assertThat(
				count("audit_log where action = 'decide.pledge.questionnaire' and subject = 'candidate:" + ana + "'"))
			.isEqualTo(2);
		// staff record Bob's public statement with its source; a bad source saves nothing
		this.mvc
			.perform(post("/admin/decide/elections/candidates/{id}/statement", bob).param("state", "NC")
				.param("answer", "NO")
				.param("sourceTitle", "Debate")
				.param("sourceUrl", "javascript:alert(1)")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/admin/decide/elections/candidates/{id}/statement", "99999999").param("answer", "NO")
				.param("sourceTitle", "Debate")
				.param("sourceUrl", "https://news.example.org/debate")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from decide_candidates where pledge_source = 'STATEMENT'")
			.query(Long.class)
			.single()).isZero();
		this.mvc
			.perform(post("/admin/decide/elections/candidates/{id}/statement", bob).param("state", "NC")
				.param("answer", "NO")
				.param("statement", "The agreement keeps us safe.")
				.param("sourceTitle", "Gaston Gazette debate")
				.param("sourceUrl", "https://news.example.org/debate")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(count("audit_log where action = 'decide.pledge.statement' and details like '%news.example.org%'"))
			.isOne();

		String county = html(get("/elections/nc/37071"), 200);
		assertThat(county).contains("Elections in Gaston County, NC", "we endorse no one", "Ana Ruiz", "Bob Stone",
				"I will end it on my first day.", "Our questionnaire, answered", "The agreement keeps us safe.",
				"href=\"https://news.example.org/debate\"");
		assertThat(html(get("/elections/nc/37071").header("Accept-Language", "es"), 200))
			.contains("no respaldamos a nadie", "Sí", "¿Pondrá fin al acuerdo 287(g)?");
		this.mvc.perform(get("/elections/sc/37071")).andExpect(status().isNotFound());
		this.mvc.perform(get("/elections/nc/%3Cscript%3E")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/elections/nc/99999")).andExpect(status().isNotFound());
		assertThat(html(get("/agencies/" + TrackerFixture.GASTON), 200)).contains("href=\"/elections/nc/37071\"");
		String campaign = html(get("/campaigns/" + DecideTests.CAMPAIGN), 200);
		assertThat(campaign).contains("Elections for this office", "Ana Ruiz", "I will end it on my first day.",
				"Bob Stone", "href=\"/elections/nc/37071\"");
	}

	@Test
	void apiListsAStatesElectionsAndTheCampaignsNextElection() throws Exception {
		this.mvc.perform(get("/api/v1/campaigns/" + DecideTests.CAMPAIGN))
			.andExpect(jsonPath("$.target.nextElection").value(org.hamcrest.Matchers.nullValue()));
		importAnaAndBob();
		this.jdbc.sql("update decide_candidates set pledge = 'YES', pledge_source = 'QUESTIONNAIRE' where name = ?")
			.param("Ana Ruiz")
			.update();
		this.mvc.perform(get("/api/v1/elections").param("state", "NC"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].office").value("Gaston County Sheriff"))
			.andExpect(jsonPath("$[0].county.fips").value("37071"))
			.andExpect(jsonPath("$[0].date").value(GENERAL))
			.andExpect(jsonPath("$[0].primaryDate").value(PRIMARY))
			.andExpect(jsonPath("$[0].candidates[0].name").value("Ana Ruiz"))
			.andExpect(jsonPath("$[0].candidates[0].pledge").value("YES"))
			.andExpect(jsonPath("$[0].candidates[1].name").value("Bob Stone"))
			.andExpect(jsonPath("$[0].candidates[1].pledge").value("NO_ANSWER"));
		this.mvc.perform(get("/api/v1/elections").param("state", "SC"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		for (String bad : new String[] { "", "XX", "North Carolina", "<b>" }) {
			this.mvc.perform(get("/api/v1/elections").param("state", bad)).andExpect(status().isBadRequest());
		}
		this.mvc.perform(get("/api/v1/elections")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/campaigns/" + DecideTests.CAMPAIGN))
			.andExpect(jsonPath("$.target.nextElection").value(PRIMARY));
		// once the primary is past, the general election is next
		this.jdbc.sql("update decide_elections set primary_date = ?, early_voting_start = null")
			.param(TODAY.minusDays(1))
			.update();
		this.mvc.perform(get("/api/v1/campaigns/" + DecideTests.CAMPAIGN))
			.andExpect(jsonPath("$.target.nextElection").value(GENERAL));
	}

}
