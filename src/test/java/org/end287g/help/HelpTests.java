package org.end287g.help;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.end287g.Staff;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The help directory: staff keep it (by hand and by CSV, all or nothing), organisations
 * propose entries that staff approve, and people find help by ZIP code, county or jail,
 * on the agency, near-me and campaign pages, in the open data and on a pocket card, in
 * English and Spanish. Bad input is refused with a translated message and changes
 * nothing.
 */
@SpringBootTest(properties = { "end287g.rate-limits.help-propose.per-address=4" })
@AutoConfigureMockMvc
class HelpTests {

	static final String HEADER = "name,kind,languages,cost,counties,facilities,phone,email,website,address,hours_en,hours_es,last_checked\n";

	static final String MECKLENBURG = "37119";

	static final String GASTON = "37071";

	static final String WAKE = "37183";

	static final String LOS_ANGELES = "06037";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@BeforeEach
	void clean() throws InterruptedException {
		this.jdbc.sql("delete from help_entries").update();
		this.jdbc.sql("delete from rate_buckets").update();
		// pages of earlier tests kept by the page cache grow old
		Thread.sleep(600);
	}

	@Test
	void staffAddEditAndDeleteEntriesAndOnlyStaffMay() throws Exception {
		this.mvc.perform(get("/admin/help").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No entries yet.")));
		this.mvc.perform(get("/admin/help/new").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name of the organization")));
		this.mvc.perform(staffForm(post("/admin/help"), entry("Charlotte Bond Fund")))
			.andExpect(status().is3xxRedirection());
		long id = id("Charlotte Bond Fund");
		this.mvc.perform(get("/admin/help").with(Staff.admin()))
			.andExpect(content().string(containsString("Charlotte Bond Fund")));
		Map<String, String> changed = entry("Charlotte Bond Fund");
		changed.put("phone", "(704) 555-0111");
		changed.put("hoursEs", "Lunes a viernes, 9 a 17");
		this.mvc.perform(staffForm(post("/admin/help/" + id), changed)).andExpect(redirectedUrl("/admin/help/" + id));
		assertThat(this.jdbc.sql("select phone from help_entries where id = ?").param(id).query(String.class).single())
			.isEqualTo("(704) 555-0111");
		this.mvc.perform(get("/admin/help/" + id).with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lunes a viernes, 9 a 17")));

		// no one but staff signed in with a passkey
		this.mvc.perform(get("/admin/help")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/help").with(Staff.adminWithoutPasskey()))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotEqualTo(200));
		this.mvc.perform(post("/admin/help/" + id + "/delete").with(csrf()).with(Staff.organizer()))
			.andExpect(status().isForbidden());
		assertThat(count()).isEqualTo(1);

		this.mvc.perform(post("/admin/help/" + id + "/delete").with(csrf()).with(Staff.admin()))
			.andExpect(redirectedUrl("/admin/help"));
		assertThat(count()).isZero();
		this.mvc.perform(post("/admin/help/" + id + "/delete").with(csrf()).with(Staff.admin()))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			name     |                                  | Enter the name of the organization.
			name     | <script>alert(1)</script>         | no angle brackets
			name     | =HYPERLINK("http://evil.example") | no angle brackets, and no = + - @ at the start
			name     | @SUM(A1)                          | no = + - @ at the start
			website  | javascript:alert(1)               | starting with https:// or http://
			website  | ftp://files.example.org           | starting with https:// or http://
			website  | https://                          | starting with https:// or http://
			counties | 99999                             | We know no county with the FIPS code 99999.
			counties | Mecklenburg                       | 5-digit FIPS codes
			languages| English                           | codes separated by spaces
			kind     | LAWYER                            | Choose the kind of help.
			phone    | call us                           | Enter a phone number
			email    | not-an-address                    | Enter an e-mail address
			lastChecked | 2026-13-45                     | Enter a date such as
			lastChecked | 2999-01-01                     | not in the future
			""")
	void theStaffFormRefusesBadInputWithATranslatedMessageAndStoresNothing(String field, String value, String message)
			throws Exception {
		Map<String, String> form = entry("Refused Entry");
		form.put(field, (value != null) ? value : "");
		this.mvc.perform(staffForm(post("/admin/help"), form))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(escaped(message))));
		assertThat(count()).isZero();
	}

	@Test
	void hugeAndDuplicateNamesAreRefusedInBothLanguages() throws Exception {
		Map<String, String> form = entry("x".repeat(201));
		this.mvc.perform(staffForm(post("/admin/help"), form))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at most 200 characters")));
		this.mvc.perform(staffForm(post("/admin/help"), entry("Charlotte Bond Fund")))
			.andExpect(status().is3xxRedirection());
		// the same name up to case, accents and punctuation
		this.mvc.perform(staffForm(post("/admin/help"), entry("charlotte bond-fund")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is already in the directory")));
		this.mvc.perform(staffForm(post("/admin/help"), entry("CHARLOTTE BOND FUND")).header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Ya hay una entrada")));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aCsvFileIsCheckedLineByLineThenImportedWhole() throws Exception {
		String file = HEADER + "Charlotte Bond Fund,BOND_HELP,en es,FREE,37119 37071,Mecklenburg County Jail,"
				+ "(704) 555-0100,help@example.org,https://bond.example.org,\"1 Main St, Charlotte\",Mon-Fri 9-5,"
				+ "Lunes a viernes 9-17,2026-11-01\n"
				+ "Carolina Hotline,rapid_response_hotline,es,free,37119,,+1 704 555 0101,,,,,,\n";
		String dry = importCsv(file, false).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(dry).contains("All 2 lines are fine.");
		assertThat(count()).isZero();
		importCsv(file, true).andExpect(status().isOk())
			.andExpect(content().string(containsString("2 entries were imported.")));
		assertThat(count()).isEqualTo(2);
		assertThat(this.jdbc.sql("select address from help_entries where name = 'Charlotte Bond Fund'")
			.query(String.class)
			.single()).isEqualTo("1 Main St, Charlotte");
		// importing the same file again: every name is already there, nothing more stored
		importCsv(file, true).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is already in the directory")))
			.andExpect(content().string(containsString("Nothing was stored.")));
		assertThat(count()).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			empty      | The file is empty.
			blank      | The file is empty.
			header     | The first line must be exactly
			noLines    | The file has a header but no entries.
			huge       | The file is too big
			quote      | A quote in the file is not closed
			columns    | This line has 3 fields instead of 13.
			script     | no angle brackets
			formula    | no = + - @ at the start
			url        | starting with https:// or http://
			twice      | The same name is already on line 2.
			county     | We know no county with the FIPS code 00000.
			binary     | The file is not UTF-8 text.
			""")
	void aBadFileIsRefusedWithItsLinesAndNothingIsStored(String kind, String message) throws Exception {
		String good = "Good Entry,BOND_HELP,en,FREE,37119,,,,,,,,\n";
		byte[] file = switch (kind) {
			case "empty" -> new byte[0];
			case "blank" -> " \n\n".getBytes(StandardCharsets.UTF_8);
			case "header" -> "nom,type\nx,y\n".getBytes(StandardCharsets.UTF_8);
			case "noLines" -> HEADER.getBytes(StandardCharsets.UTF_8);
			case "huge" -> (HEADER + good.repeat(30_000)).getBytes(StandardCharsets.UTF_8);
			case "quote" -> (HEADER + good + "\"Open quote,BOND_HELP\n").getBytes(StandardCharsets.UTF_8);
			case "columns" -> (HEADER + good + "a,b,c\n").getBytes(StandardCharsets.UTF_8);
			case "script" -> (HEADER + good + "<script>alert(1)</script>,BOND_HELP,en,FREE,37119,,,,,,,,\n")
				.getBytes(StandardCharsets.UTF_8);
			case "formula" -> (HEADER + good + "\"=cmd|' /C calc'!A0\",BOND_HELP,en,FREE,37119,,,,,,,,\n")
				.getBytes(StandardCharsets.UTF_8);
			case "url" -> (HEADER + good + "Bad Link,BOND_HELP,en,FREE,37119,,,,javascript:alert(1),,,,\n")
				.getBytes(StandardCharsets.UTF_8);
			case "twice" ->
				(HEADER + good + "GOOD ENTRY,ACCOMPANIMENT,en,FREE,37119,,,,,,,,\n").getBytes(StandardCharsets.UTF_8);
			case "county" ->
				(HEADER + good + "Nowhere,BOND_HELP,en,FREE,00000,,,,,,,,\n").getBytes(StandardCharsets.UTF_8);
			case "binary" -> new byte[] { 'n', 'a', (byte) 0xC3, (byte) 0x28, '\n' };
			default -> throw new IllegalArgumentException(kind);
		};
		this.mvc
			.perform(multipart("/admin/help/import").file(new MockMultipartFile("file", "help.csv", "text/csv", file))
				.param("store", "1")
				.with(csrf())
				.with(Staff.admin()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(escaped(message))));
		assertThat(count()).isZero();
	}

	@Test
	void importErrorsAreInSpanishToo() throws Exception {
		this.mvc
			.perform(post("/admin/help/import").param("text", HEADER + "x,NOPE,en,FREE,37119,,,,ftp://x,,,,\n")
				.param("store", "1")
				.header("Accept-Language", "es")
				.with(csrf())
				.with(Staff.admin()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Elija el tipo de ayuda.")))
			.andExpect(content().string(containsString("que empiece por https:// o http://")))
			.andExpect(content().string(containsString("No se guardó nada.")));
		assertThat(count()).isZero();
	}

	@Test
	void anOrganisationProposesAndStaffApprove() throws Exception {
		assertThat(html("/help/propose")).contains("Does your organization help people facing ICE?")
			.doesNotContain("Last checked by staff");
		Map<String, String> form = entry("Gaston Accompaniment Network");
		form.put("kind", "ACCOMPANIMENT");
		form.put("counties", GASTON);
		form.put("lastChecked", "2020-01-01");
		this.mvc.perform(form(post("/help/propose"), form)).andExpect(redirectedUrl("/help/propose/sent"));
		assertThat(html("/help/propose/sent")).contains("Staff will check the entry");
		assertThat(this.jdbc.sql("select approved from help_entries").query(Boolean.class).single()).isFalse();
		// the date is staff's to give
		assertThat(this.jdbc.sql("select count(*) from help_entries where last_checked is null")
			.query(Long.class)
			.single()).isOne();
		// not public yet
		this.mvc.perform(get("/api/v1/help?zip=28052")).andExpect(jsonPath("$.length()").value(0));
		// waiting on the staff home
		this.mvc.perform(get("/admin").with(Staff.admin()))
			.andExpect(content().string(containsString("Help entries proposed by organizations")));
		long id = id("Gaston Accompaniment Network");
		this.mvc.perform(post("/admin/help/" + id + "/approve").with(csrf()).with(Staff.admin()))
			.andExpect(redirectedUrl("/admin/help"));
		Thread.sleep(600);
		this.mvc.perform(get("/api/v1/help?zip=28052"))
			.andExpect(jsonPath("$[0].name").value("Gaston Accompaniment Network"));

		// bad proposals: a translated error, nothing stored
		Map<String, String> hostile = entry("<script>alert(1)</script>");
		this.mvc.perform(form(post("/help/propose"), hostile).header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("ni signos")));
		this.mvc.perform(form(post("/help/propose"), entry("Gaston Accompaniment Network")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is already in the directory")));
		assertThat(count()).isOne();
	}

	@Test
	void aFloodOfProposalsIsRateLimited() throws Exception {
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(form(post("/help/propose"), entry("Flood " + i)))
				.andExpect(redirectedUrl("/help/propose/sent"));
		}
		this.mvc.perform(form(post("/help/propose"), entry("Flood 5"))).andExpect(status().isTooManyRequests());
		assertThat(count()).isEqualTo(4);
	}

	@Test
	void theOpenDataListsEntriesNearestFirst() throws Exception {
		add("Far Away Clinic", "DACA_CLINIC", LOS_ANGELES, true);
		add("Raleigh Defense", "DEPORTATION_DEFENSE", WAKE, true);
		add("National Hotline", "RAPID_RESPONSE_HOTLINE", "", true);
		add("Gaston Accompaniment", "ACCOMPANIMENT", GASTON, true);
		add("Charlotte Bond Fund", "BOND_HELP", MECKLENBURG + " " + WAKE, true);
		add("Not Approved Yet", "BOND_HELP", MECKLENBURG, false);
		this.mvc.perform(get("/api/v1/help?zip=28202"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(4))
			.andExpect(jsonPath("$[0].name").value("Charlotte Bond Fund"))
			.andExpect(jsonPath("$[0].kind").value("BOND_HELP"))
			.andExpect(jsonPath("$[0].languages[0]").value("en"))
			.andExpect(jsonPath("$[0].languages[1]").value("es"))
			.andExpect(jsonPath("$[0].phone").value("(704) 555-0100"))
			.andExpect(jsonPath("$[0].lastChecked").value("2026-11-01"))
			.andExpect(jsonPath("$[0].distanceKm").value(0.0))
			.andExpect(jsonPath("$[1].name").value("Gaston Accompaniment"))
			.andExpect(jsonPath("$[2].name").value("Raleigh Defense"))
			.andExpect(jsonPath("$[3].name").value("National Hotline"))
			.andExpect(jsonPath("$[3].distanceKm").doesNotExist());
		for (String bad : new String[] { "", "2820", "282021", "abcde", "99999", "<script>", "x".repeat(5000) }) {
			this.mvc.perform(get("/api/v1/help").param("zip", bad))
				.andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", containsString("json")))
				.andExpect(content().string(containsString("five digits")));
		}
		this.mvc.perform(get("/api/v1/help")).andExpect(status().isBadRequest());
	}

	@Test
	void peopleFindHelpByZipCountyOrJailInBothLanguages() throws Exception {
		add("Charlotte Bond Fund", "BOND_HELP", MECKLENBURG, true);
		assertThat(html("/help?zip=28202")).contains("Get help near Mecklenburg County, NC")
			.contains("Charlotte Bond Fund")
			.contains("Serves this county")
			.contains("href=\"tel:7045550100\"")
			.contains("/help/counties/37119/card.pdf?lang=en");
		assertThat(html("/help?county=37071")).contains("Charlotte Bond Fund").contains("miles away");
		assertThat(html("/help?jail=mecklenb")).contains("Charlotte Bond Fund");
		assertThat(html("/help?jail=nowhere")).contains("No entry names that jail yet");
		String spanish = this.mvc.perform(get("/help?zip=28202").header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(spanish).contains("Ayuda cerca de Mecklenburg County, NC")
			.contains("Ayuda con fianzas")
			.contains("Gratis")
			.contains("inglés, español");
		for (String bad : new String[] { "abc", "99999", "<script>" }) {
			this.mvc.perform(get("/help").param("zip", bad))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("five digits")));
		}
		this.mvc.perform(get("/help").param("jail", "x".repeat(300))).andExpect(status().isBadRequest());
		assertThat(html("/help/know-your-rights")).contains("remain silent").contains("signed by a judge");
		String rights = this.mvc.perform(get("/help/know-your-rights").header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(rights).contains("Conozca sus derechos").contains("guardar silencio").contains("No firme");
		// the menu leads to help
		assertThat(html("/")).contains("href=\"/help\"");
	}

	@Test
	void theCardIsOnePocketPageInEnglishAndSpanish() throws Exception {
		add("Charlotte Bond Fund", "BOND_HELP", MECKLENBURG, true);
		for (int i = 0; i < 12; i++) {
			add("A very long organization name for rapid response and accompaniment number " + i,
					"RAPID_RESPONSE_HOTLINE", MECKLENBURG, true);
		}
		for (String lang : new String[] { "en", "es" }) {
			byte[] pdf = this.mvc.perform(get("/help/counties/37119/card.pdf?lang=" + lang))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(document.getNumberOfPages()).isOne();
				PDRectangle size = document.getPage(0).getMediaBox();
				assertThat(size.getWidth()).isEqualTo(252f);
				assertThat(size.getHeight()).isEqualTo(360f);
				String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
				assertThat(text).contains("Mecklenburg County, NC").contains("/help?county=37119");
				assertThat(text).contains(lang.equals("es") ? "guardar silencio" : "remain silent");
				assertThat(text).contains(lang.equals("es") ? "más en el sitio web" : "more on the website");
			}
		}
		this.mvc.perform(get("/help/counties/99999/card.pdf")).andExpect(status().isNotFound());
		this.mvc.perform(get("/help/counties/abc/card.pdf")).andExpect(status().isNotFound());
	}

	@Test
	void theAgencyNearMeAndCampaignPagesShowHelp() throws Exception {
		new TrackerFixture(this.jdbc).load("COMMAND");
		TestCampaigns.clear(this.jdbc);
		this.campaigns.createMissing();
		add("Gaston Accompaniment", "ACCOMPANIMENT", GASTON, true);
		Thread.sleep(600);
		assertThat(html("/agencies/" + TrackerFixture.GASTON)).contains("Someone held by this jail? Get help")
			.contains("Gaston Accompaniment")
			.contains("href=\"/help?county=37071\"");
		assertThat(html("/near?zip=28052")).contains("Get help").contains("Gaston Accompaniment");
		assertThat(html("/campaigns/nc-gaston-county-sheriffs-office")).contains("Get help")
			.contains("Gaston Accompaniment")
			.contains("href=\"/help?county=37071\"");
		String spanish = this.mvc.perform(get("/agencies/" + TrackerFixture.GASTON).header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(spanish).contains("¿Alguien detenido en esta cárcel? Obtenga ayuda").contains("Acompañamiento");
	}

	private void add(String name, String kind, String counties, boolean approved) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into help_entries (name, name_key, kind, languages, cost, counties, facilities, phone,
				last_checked, approved, created_at, updated_at)
				values (?, ?, ?, 'en es', 'FREE', ?, 'Mecklenburg County Jail', '(704) 555-0100', ?, ?, ?, ?)""")
			.params(name, name.toLowerCase(java.util.Locale.ROOT), kind, counties, java.sql.Date.valueOf("2026-11-01"),
					approved, now, now)
			.update();
	}

	/** A valid entry form; other help tests change what they need. */
	static Map<String, String> entry(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("kind", "BOND_HELP");
		form.put("languages", "en es");
		form.put("cost", "FREE");
		form.put("counties", MECKLENBURG);
		form.put("facilities", "Mecklenburg County Jail");
		form.put("phone", "(704) 555-0100");
		form.put("email", "help@example.org");
		form.put("website", "https://help.example.org");
		form.put("address", "1 Main St, Charlotte");
		form.put("hoursEn", "Mon-Fri 9-5");
		form.put("hoursEs", "Lunes a viernes 9-17");
		form.put("lastChecked", "2026-11-01");
		return form;
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> form) {
		form.forEach(request::param);
		return request.with(csrf());
	}

	private static MockHttpServletRequestBuilder staffForm(MockHttpServletRequestBuilder request,
			Map<String, String> form) {
		return form(request, form).with(Staff.admin());
	}

	private ResultActions importCsv(String text, boolean store) throws Exception {
		MockHttpServletRequestBuilder request = post("/admin/help/import").param("text", text)
			.with(csrf())
			.with(Staff.admin());
		if (store) {
			request.param("store", "1");
		}
		return this.mvc.perform(request);
	}

	private String html(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A message as the page shows it (escaped). */
	private static String escaped(String message) {
		return message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private long count() {
		return this.jdbc.sql("select count(*) from help_entries").query(Long.class).single();
	}

	private long id(String name) {
		return this.jdbc.sql("select id from help_entries where name = ?").param(name).query(Long.class).single();
	}

}
