package org.end287g.decide;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Decision-makers: staff edit the directory (audited with the source, history kept) and
 * import a state from CSV (nothing half-saved); a campaign's primary target is its
 * agency's head, leaders add secondary ones for their own campaigns only; "contact your
 * official" on the campaign page, counted once per person, target and day; the API's
 * target.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DecideTests {

	static final String CAMPAIGN = "nc-gaston-county-sheriffs-office";

	static final String HEADER = String.join(",", "kind", "office_name", "state", "county_fips", "city", "agency_slug",
			"person_name", "title", "term_start", "term_end", "phone", "email", "address", "web_form", "social",
			"source_title", "source_url", "checked_on");

	static final String SHERIFF_LINE = "SHERIFF,Gaston County Sheriff,NC,37071,,gaston-county-sheriffs-office-nc,"
			+ "Chad Hawkins,Sheriff,2018-12-03,,(704) 869-6800,sheriff@gastongov.com,\"425 Dr. Martin Luther King Jr. Way\n"
			+ "Gastonia, NC 28052\",https://www.gastongov.com/contact,,County site,https://www.gastongov.com/sheriff,2026-11-01";

	static final String BOARD_LINE = "COUNTY_BOARD,Gaston County Board of Commissioners,NC,37071,,,Chad Brown,"
			+ "Chair,2020-12-01,,704-866-3100,commissioners@gastongov.com,,,,County site,https://www.gastongov.com/board,2026-11-01";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Officials officials;

	long campaign;

	/** Leaves the directory empty for the classes that run after this one. */
	@AfterEach
	void emptyDirectory() {
		DecideTables.clear(this.jdbc);
	}

	@BeforeEach
	void clean() {
		DecideTables.clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.campaign = this.campaigns.find(CAMPAIGN).orElseThrow().id();
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

	MockHttpServletRequestBuilder entry(Map<String, String> values) {
		MockHttpServletRequestBuilder request = post("/admin/decide/entries").with(Staff.admin()).with(csrf());
		Map<String, String> all = new java.util.HashMap<>(Map.of("kind", "SHERIFF", "officeName",
				"Gaston County Sheriff", "state", "NC", "countyFips", "37071", "agencySlug", TrackerFixture.GASTON,
				"personName", "Alan Cloninger", "title", "Sheriff", "termStart", "2010-12-06", "sourceTitle",
				"County site", "sourceUrl", "https://www.gastongov.com/sheriff"));
		all.put("checkedOn", "2026-11-01");
		all.put("phone", "704-869-6800");
		all.putAll(values);
		all.forEach(request::param);
		return request;
	}

	MockMultipartHttpServletRequestBuilder csv(String text, String action) {
		return multipart("/admin/decide/import")
			.file(new MockMultipartFile("file", "nc.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)))
			.param("state", "NC")
			.param("action", action)
			.with(Staff.admin())
			.with(csrf());
	}

	@Test
	void staffAddOfficesAndHoldersKeepHistoryAndAuditWithTheSource() throws Exception {
		this.mvc.perform(get("/admin/decide")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/decide").with(Staff.adminWithoutPasskey())).andExpect(status().isForbidden());
		assertThat(html(get("/admin/decide").param("state", "NC").with(Staff.admin()), 200)).contains("Decision-makers",
				"kind,", "office_name");
		long audited = count(
				"audit_log where action like 'decide.%' and details = 'https://www.gastongov.com/sheriff'");
		this.mvc.perform(entry(Map.of())).andExpect(status().is3xxRedirection());
		assertThat(count("decide_offices")).isOne();
		assertThat(this.officials.headOf(TrackerFixture.GASTON).orElseThrow().name()).isEqualTo("Alan Cloninger");
		// the same person again updates; a new person is a new row and ends the old term
		this.mvc.perform(entry(Map.of("phone", "704-000-0000"))).andExpect(status().is3xxRedirection());
		assertThat(count("decide_holders")).isOne();
		this.mvc.perform(entry(Map.of("personName", "Chad Hawkins", "termStart", "2018-12-03")))
			.andExpect(status().is3xxRedirection());
		assertThat(count("decide_holders")).isEqualTo(2);
		assertThat(this.officials.headOf(TrackerFixture.GASTON).orElseThrow().name()).isEqualTo("Chad Hawkins");
		assertThat(this.jdbc.sql("select term_end from decide_holders where person_name = 'Alan Cloninger'")
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2018, 12, 2));
		assertThat(html(get("/admin/decide").param("state", "NC").with(Staff.admin()).header("Accept-Language", "es"),
				200))
			.contains("Alan Cloninger", "Chad Hawkins", "Quienes deciden");
		assertThat(count("audit_log where action like 'decide.%' and details = 'https://www.gastongov.com/sheriff'"))
			.isEqualTo(audited + 4);
		// ending a term needs a date and a source
		long holder = this.jdbc.sql("select id from decide_holders where person_name = 'Chad Hawkins'")
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/admin/decide/holders/{id}/end", holder).param("state", "NC")
				.param("day", "2026-12-01")
				.param("sourceUrl", "javascript:alert(1)")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.officials.headOf(TrackerFixture.GASTON)).isPresent();
		this.mvc
			.perform(post("/admin/decide/holders/{id}/end", holder).param("state", "NC")
				.param("day", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
				.param("sourceUrl", "https://example.org/news")
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.officials.headOf(TrackerFixture.GASTON)).isEmpty();
	}

	@Test
	void staffFormRefusesEmptyHugeMalformedAndHostileInputSavingNothing() throws Exception {
		Map<String, String>[] bad = new Map[] { Map.of("personName", ""), Map.of("personName", "x".repeat(5_000)),
				Map.of("personName", "<script>alert(1)</script>"), Map.of("personName", "=HYPERLINK(\"x\")"),
				Map.of("kind", "KING"), Map.of("state", "XX"), Map.of("countyFips", "06037"),
				Map.of("agencySlug", "no-such-agency"), Map.of("termStart", "2024-13-40"),
				Map.of("termEnd", "2001-01-01"), Map.of("email", "not an address"), Map.of("phone", "call me"),
				Map.of("webForm", "javascript:alert(1)"), Map.of("sourceUrl", ""), Map.of("checkedOn", "2999-01-01"),
				Map.of("kind", "GOVERNOR") };
		for (Map<String, String> values : bad) {
			String page = html(entry(values), 400);
			assertThat(page).contains("field-error");
		}
		assertThat(count("decide_offices")).isZero();
		assertThat(count("decide_holders")).isZero();
		assertThat(html(entry(Map.of("personName", "")).header("Accept-Language", "es"), 400))
			.contains("Este dato es necesario.");
	}

	@Test
	void csvImportChecksEveryLineAndSavesAllOrNothing() throws Exception {
		String good = HEADER + "\n" + SHERIFF_LINE + "\n" + BOARD_LINE + "\n";
		assertThat(html(csv(good, "check"), 200)).contains("All 2 lines are right");
		assertThat(count("decide_offices")).isZero();
		String[][] cases = { { "", "The file is empty." }, { HEADER + "\n", "a header but no lines" },
				{ "a,b,c\n" + SHERIFF_LINE, "The header is not" },
				{ HEADER + "\n" + SHERIFF_LINE + "\n\"unclosed,", "never closed" },
				{ HEADER + "\n" + SHERIFF_LINE + "\nSHERIFF,too,few", "Line 4</span>" },
				{ HEADER + "\n" + SHERIFF_LINE + "\n"
						+ BOARD_LINE.replace("Chad Brown", "<img src=x onerror=alert(1)>"), "person_name" },
				{ HEADER + "\n" + SHERIFF_LINE + "\n" + BOARD_LINE.replace("Chad Brown", "=cmd|' /C calc'!A0"),
						"not allowed" },
				{ HEADER + "\n" + SHERIFF_LINE + "\n" + SHERIFF_LINE, "repeats an earlier line" },
				{ HEADER + "\n" + SHERIFF_LINE + "\n" + BOARD_LINE.replace(",NC,", ",SC,"), "another state" },
				{ HEADER + "\n" + SHERIFF_LINE.replace("2018-12-03", "03/12/2018"), "YYYY-MM-DD" } };
		for (String[] c : cases) {
			assertThat(html(csv(c[0], "save"), 400)).as(c[1]).contains(c[1]).contains("Nothing was saved");
			assertThat(count("decide_offices")).as(c[1]).isZero();
			assertThat(count("decide_holders")).as(c[1]).isZero();
		}
		StringBuilder huge = new StringBuilder(HEADER).append('\n');
		for (int i = 0; i < 5_001; i++) {
			huge.append(BOARD_LINE.replace("Chad Brown", "Person " + i)).append('\n');
		}
		assertThat(html(csv(huge.toString(), "save"), 400)).contains("too many lines");
		assertThat(html(multipart("/admin/decide/import")
			.file(new MockMultipartFile("file", "nc.csv", "text/csv", new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.param("state", "NC")
			.param("action", "save")
			.with(Staff.admin())
			.with(csrf()), 400)).contains("not UTF-8");
		assertThat(html(csv("", "save").header("Accept-Language", "es"), 400)).contains("El archivo está vacío.");
		assertThat(count("decide_offices")).isZero();
		assertThat(html(csv(good, "save"), 200)).contains("2 lines imported: 2 new offices");
		assertThat(count("decide_holders")).isEqualTo(2);
		assertThat(this.officials.headOf(TrackerFixture.GASTON).orElseThrow().address())
			.isEqualTo("425 Dr. Martin Luther King Jr. Way\nGastonia, NC 28052");
		// the same file again changes nothing but the records' check
		assertThat(html(csv(good, "save"), 200)).contains("2 updated");
		assertThat(count("decide_holders")).isEqualTo(2);
	}

	void importGaston() throws Exception {
		this.mvc.perform(csv(HEADER + "\n" + SHERIFF_LINE + "\n" + BOARD_LINE + "\n", "save"))
			.andExpect(status().isOk());
	}

	long board() {
		return this.jdbc.sql("select id from decide_offices where kind = 'COUNTY_BOARD'").query(Long.class).single();
	}

	@Test
	void leaderAddsSecondaryTargetsOnlyToTheirOwnCampaign() throws Exception {
		importGaston();
		RequestPostProcessor leader = user(this.accounts.leader(SignedIn.newEmail(), "Leader", this.campaign))
			.roles("LEADER");
		long other = TestCampaigns.id(this.jdbc, 987_654_321L);
		RequestPostProcessor otherLeader = user(this.accounts.leader(SignedIn.newEmail(), "Other", other))
			.roles("LEADER");
		String dashboard = html(get("/leader/campaigns/{id}", this.campaign).with(leader), 200);
		assertThat(dashboard).contains("Who you press", "Chad Hawkins", "Chad Brown — Gaston County Board");
		this.mvc
			.perform(post("/leader/campaigns/{id}/targets", this.campaign).param("office", Long.toString(board()))
				.with(otherLeader)
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(count("decide_targets")).isZero();
		for (String bad : new String[] { "", "abc", "-1", "99999999999", "x".repeat(5000) }) {
			this.mvc
				.perform(post("/leader/campaigns/{id}/targets", this.campaign).param("office", bad)
					.with(leader)
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(count("decide_targets")).isZero();
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/leader/campaigns/{id}/targets", this.campaign).param("office", Long.toString(board()))
					.with(leader)
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(count("decide_targets")).isOne();
		assertThat(this.officials.targetsOf(this.campaign)).extracting(Official::name).containsExactly("Chad Brown");
		assertThat(html(get("/campaigns/" + CAMPAIGN), 200)).contains("Chad Brown", "Also press");
		this.mvc
			.perform(post("/leader/campaigns/{id}/targets/{office}/remove", this.campaign, board()).with(otherLeader)
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(count("decide_targets")).isOne();
	}

	@Test
	void campaignPageShowsTheCallScriptAndAMailtoLinkInBothLanguages() throws Exception {
		this.mvc.perform(get("/campaigns/" + CAMPAIGN)).andExpect(status().isOk());
		importGaston();
		String page = html(get("/campaigns/" + CAMPAIGN), 200);
		assertThat(page).contains("Contact your official", "Chad Hawkins", "href=\"tel:7048696800\"",
				"I am calling Sheriff Chad Hawkins about the petition", "href=\"mailto:sheriff@gastongov.com?subject=",
				"&amp;body=Dear%20Sheriff%20Chad%20Hawkins%2C%0D%0A%0D%0A", "I called", "I wrote",
				"action=\"/campaigns/" + CAMPAIGN + "/contact/");
		String spanish = html(get("/campaigns/" + CAMPAIGN).header("Accept-Language", "es"), 200);
		assertThat(spanish).contains("Contacte a su autoridad", "Llamo a Sheriff Chad Hawkins por la petición",
				"body=Estimado%2Fa%20Sheriff%20Chad%20Hawkins", "Llamé", "Escribí");
		long sheriff = this.officials.headOf(TrackerFixture.GASTON).orElseThrow().officeId();
		assertThat(html(get("/campaigns/{slug}/letter/{office}", CAMPAIGN, sheriff), 200)).contains("Dear Sheriff",
				"Gastonia, NC 28052");
		this.mvc.perform(get("/campaigns/{slug}/letter/{office}", CAMPAIGN, 99_999_999))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/campaigns/{slug}/letter/{office}", CAMPAIGN, "%3Cscript%3E"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void contactsCountOncePerPersonTargetAndDayAndShowToTheLeader() throws Exception {
		importGaston();
		long sheriff = this.officials.headOf(TrackerFixture.GASTON).orElseThrow().officeId();
		String called = "/campaigns/" + CAMPAIGN + "/contact/" + sheriff + "/called";
		assertThat(html(post(called).with(csrf()).with((r) -> {
			r.setRemoteAddr("203.0.113.7");
			return r;
		}), 200)).contains("Your call to Chad Hawkins is counted");
		assertThat(html(post(called).with(csrf()).with((r) -> {
			r.setRemoteAddr("203.0.113.7");
			return r;
		}), 200)).contains("You already told us about this today");
		this.mvc.perform(post(called).with(csrf()).with((r) -> {
			r.setRemoteAddr("203.0.113.8");
			return r;
		})).andExpect(status().isOk());
		this.mvc.perform(post("/campaigns/" + CAMPAIGN + "/contact/" + sheriff + "/wrote").with(csrf()).with((r) -> {
			r.setRemoteAddr("203.0.113.7");
			return r;
		})).andExpect(status().isOk());
		// without the CSRF token, for an office that is no target, or a kind that is
		// none: nothing counted
		this.mvc.perform(post(called)).andExpect(status().isForbidden());
		this.mvc.perform(post("/campaigns/" + CAMPAIGN + "/contact/" + board() + "/called").with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/campaigns/" + CAMPAIGN + "/contact/" + sheriff + "/emailed").with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.officials.contactCounts(this.campaign)).containsEntry(sheriff, new Officials.Counts(2, 1));
		assertThat(this.jdbc.sql("select client from decide_contacts").query(String.class).list())
			.noneMatch((client) -> client.contains("203.0.113"));
		RequestPostProcessor leader = user(this.accounts.leader(SignedIn.newEmail(), "Leader", this.campaign))
			.roles("LEADER");
		String dashboard = html(get("/leader/campaigns/{id}", this.campaign).with(leader), 200);
		assertThat(dashboard.replaceAll("\\s+", " ")).contains("<td>2</td> <td>1</td>");
	}

	@Test
	void apiGivesTheTargetWithNullsWhenUnknown() throws Exception {
		this.mvc.perform(get("/api/v1/campaigns/" + CAMPAIGN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.target.agency").value("Gaston County Sheriff's Office"))
			.andExpect(jsonPath("$.target.name").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.target.title").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.target.office.phone").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.target.office.email").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.target.office.address").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.target.nextElection").value(org.hamcrest.Matchers.nullValue()));
		importGaston();
		this.mvc.perform(get("/api/v1/campaigns/" + CAMPAIGN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.target.name").value("Chad Hawkins"))
			.andExpect(jsonPath("$.target.title").value("Sheriff"))
			.andExpect(jsonPath("$.target.office.phone").value("(704) 869-6800"))
			.andExpect(jsonPath("$.target.office.email").value("sheriff@gastongov.com"))
			.andExpect(
					jsonPath("$.target.office.address").value("425 Dr. Martin Luther King Jr. Way\nGastonia, NC 28052"))
			.andExpect(jsonPath("$.target.nextElection").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.slug").value(CAMPAIGN));
	}

}
