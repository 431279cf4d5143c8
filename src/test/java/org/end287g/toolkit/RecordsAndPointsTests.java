package org.end287g.toolkit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.end287g.accounts.AccountDirectory;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public-records request letter and its record; the talking points with sources. */
@SpringBootTest
@AutoConfigureMockMvc
class RecordsAndPointsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	AccountDirectory directory;

	long gaston;

	@BeforeEach
	void campaignsOfTheFixture() {
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.gaston = this.campaigns.find(MaterialsTests.GASTON).orElseThrow().id();
	}

	RequestPostProcessor leader() {
		String email = "leader-" + UUID.randomUUID() + "@example.org";
		return user(this.directory.appointLeader("test-admin", email, "Lea", "en", this.gaston).orElseThrow())
			.roles("LEADER");
	}

	String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theLetterIsFilledInFromTheTrackerAndTheAnswerIsRecorded() throws Exception {
		RequestPostProcessor leader = leader();
		String path = "/leader/campaigns/" + this.gaston + "/records-request";
		String page = html(get(path).with(leader), 200);
		assertThat(page).contains(
				"To the custodian of public records, Gaston County Sheriff&#39;s Office (Gaston County, North Carolina)",
				"Under the public-records law of North Carolina",
				"Jail Enforcement Model (JEM), signed February 20, 2025",
				"Warrant Service Officer (WSO), signed May 1, 2025",
				"ICE has published an MOA at https://www.ice.gov/moa/gaston.pdf", "salaries and overtime",
				"transferred to ICE custody under the agreement, by month");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get(path).param("lang", "es").with(leader), 200)).contains(
				"Conforme a la ley de registros públicos de North Carolina",
				"Modelo de Cárcel (JEM), firmado el 20 de febrero de 2025");
		this.mvc.perform(post(path).with(leader)
			.with(csrf())
			.param("sentOn", "2025-07-01")
			.param("answeredOn", "2025-07-20")
			.param("answer", "They sent the MOA; costs \"not tracked\" <script>x</script> \u05E9\u05DC\u05D5\u05DD"))
			.andExpect(status().is3xxRedirection());
		// the same again: one row
		this.mvc.perform(post(path).with(leader)
			.with(csrf())
			.param("sentOn", "2025-07-01")
			.param("answeredOn", "2025-07-20")
			.param("answer", "They sent the MOA; costs \"not tracked\" <script>x</script> \u05E9\u05DC\u05D5\u05DD"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from toolkit_records_requests").query(Long.class).single())
			.isEqualTo(1);
		String saved = html(get(path).with(leader), 200);
		assertThat(saved).contains("value=\"2025-07-01\"", "value=\"2025-07-20\"", "&lt;script&gt;x&lt;/script&gt;")
			.doesNotContain("<script>x");
	}

	@Test
	void badDatesAndAnswersAreRefusedAndNothingIsSaved() throws Exception {
		RequestPostProcessor leader = leader();
		String path = "/leader/campaigns/" + this.gaston + "/records-request";
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		String bad = html(post(path).with(leader)
			.with(csrf())
			.param("sentOn", "01/07/2025")
			.param("answeredOn", tomorrow)
			.param("answer", "a".repeat(10_000)), 400);
		assertThat(bad).contains("Write the date as year-month-day", "The date cannot be in the future.",
				"The summary can have at most 5,000 characters.", "href=\"#sent-on\"");
		assertThat(AccessibleHtml.problems(bad)).isEmpty();
		assertThat(html(
				post(path).with(leader).with(csrf()).param("sentOn", "2025-07-20").param("answeredOn", "2025-07-01"),
				400))
			.contains("The answer cannot come before the request was sent.");
		assertThat(html(post(path).with(leader).with(csrf()).param("answeredOn", "2025-07-01"), 400))
			.contains("Write when you sent the request before when it was answered.");
		assertThat(html(post(path).with(leader)
			.with(csrf())
			.header("Accept-Language", "es")
			.param("sentOn", "<script>")
			.param("answer", "\u202E"), 400))
			.contains("Escriba la fecha como año-mes-día", "Quite los caracteres invisibles");
		assertThat(this.jdbc.sql("select count(*) from toolkit_records_requests").query(Long.class).single()).isZero();
		this.mvc.perform(get(path).with(user("someone").roles("LEADER"))).andExpect(status().isNotFound());
	}

	@Test
	void talkingPointsNameTheirSourcesInBothLanguages() throws Exception {
		String page = html(get("/talking-points").param("lang", "en"), 200);
		assertThat(page).contains("<h2 id=\"JEM\">Jail Enforcement Model (JEM)</h2>", "Task Force Model (TFM)",
				"Warrant Service Officer (WSO)", "(Source: GAO-09-109, January 2009.)",
				"href=\"https://www.gao.gov/products/gao-09-109\"", "Miranda-Olivares v. Clackamas County");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get("/talking-points").param("lang", "es"), 200)).contains("Argumentos sobre el 287(g)",
				"(Fuente: GAO-09-109, enero de 2009.)");
	}

}
