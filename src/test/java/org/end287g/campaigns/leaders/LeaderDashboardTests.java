package org.end287g.campaigns.leaders;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.Staff;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.site.AccessibleHtml;
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

/**
 * The leader's campaign page: who reaches it, the checklist, and the petition, goal and
 * update forms with their errors in English and Spanish.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeaderDashboardTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static long numbers = System.nanoTime() % 1_000_000_000L + 4_000_000_000L;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	long campaign;

	String slug;

	String leaderId;

	RequestPostProcessor leader;

	@BeforeEach
	void campaign() {
		long n = ++numbers;
		this.campaign = TestCampaigns.id(this.jdbc, n);
		this.slug = "nc-test-campaign-" + n;
		this.leaderId = this.accounts.leader(SignedIn.newEmail(), "Leader", this.campaign);
		this.leader = user(this.leaderId).roles("LEADER");
	}

	String dashboard() {
		return "/leader/campaigns/" + this.campaign;
	}

	String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long count(String sql) {
		return this.jdbc.sql(sql).param(this.campaign).query(Long.class).single();
	}

	@Test
	void onlyTheCampaignsLeadersAndAdminsGetIn() throws Exception {
		long other = TestCampaigns.id(this.jdbc, ++numbers);
		RequestPostProcessor otherLeader = user(this.accounts.leader(SignedIn.newEmail(), "Other", other))
			.roles("LEADER");
		this.mvc.perform(get(dashboard()).with(otherLeader)).andExpect(status().isNotFound());
		for (String path : new String[] { "/training", "/petition", "/goal", "/updates" }) {
			this.mvc
				.perform(post(dashboard() + path).with(otherLeader)
					.with(csrf())
					.param("step", "share-page")
					.param("done", "true")
					.param("language", "en")
					.param("text", "Taken over")
					.param("goal", "5")
					.param("title", "Spam")
					.param("body", "Spam"))
				.andExpect(status().isNotFound());
		}
		assertThat(count("select count(*) from campaign_updates where campaign_id = ?")).isZero();
		assertThat(count("select count(*) from leader_training where campaign_id = ?")).isZero();
		assertThat(count("select goal from campaigns where id = ?")).isEqualTo(200);

		this.mvc.perform(get(dashboard())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(dashboard() + "/goal").param("goal", "5")).andExpect(status().isForbidden());
		this.mvc.perform(post(dashboard() + "/goal").with(this.leader).param("goal", "5"))
			.andExpect(status().isForbidden());
		assertThat(count("select goal from campaigns where id = ?")).isEqualTo(200);
		for (String hostile : new String[] { "' OR 1=1 --", this.campaign + " OR 1=1", "-" + this.campaign,
				"9".repeat(10_000), "0" }) {
			this.mvc.perform(get("/leader/campaigns/{id}", hostile).with(this.leader)).andExpect(status().isNotFound());
		}
		// staff (a real account with an admin grant, signed in with a passkey) may open
		// any
		// campaign's page
		String admin = this.accounts.admin(SignedIn.newEmail(), "Admin");
		this.mvc.perform(get(dashboard()).with(Staff.admin(admin))).andExpect(status().isOk());
		// the same admin signed in by link only is told to sign in with a passkey, and
		// changes nothing
		this.mvc.perform(get(dashboard()).with(Staff.adminWithoutPasskey(admin))).andExpect(status().isForbidden());
		this.mvc
			.perform(post(dashboard() + "/goal").with(Staff.adminWithoutPasskey(admin)).with(csrf()).param("goal", "5"))
			.andExpect(status().isForbidden());
		assertThat(count("select goal from campaigns where id = ?")).isEqualTo(200);
		// a pretended admin is not one
		this.mvc.perform(get(dashboard()).with(Staff.admin("not-an-account"))).andExpect(status().isNotFound());
		this.mvc.perform(get(dashboard()).with(user(admin).roles("ADMIN"))).andExpect(status().isForbidden());
	}

	@Test
	void thePageShowsWhereTheCampaignStandsAndLinksTheTools() throws Exception {
		this.jdbc.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, 0, 7), (?, 3, 5)")
			.params(this.campaign, this.campaign)
			.update();
		String page = html(get(dashboard()).with(this.leader), 200);
		assertThat(page).contains("Your campaign: Test Campaign", "Gathering signatures", "12 of 200 signatures",
				"No deadline", "0 of 5 done", "href=\"/leader/campaigns/" + this.campaign + "/paper\"",
				"href=\"/leader/campaigns/" + this.campaign + "/delivery.pdf\"",
				"href=\"/leader/campaigns/" + this.campaign + "/delivery.csv\"",
				"href=\"/leader/campaigns/" + this.campaign + "/delivery\"", "href=\"/campaigns/" + this.slug + "\"",
				"We, residents of");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		String spanish = html(get(dashboard()).with(this.leader).header("Accept-Language", "es"), 200);
		assertThat(spanish).contains("Su campaña: Test Campaign", "12 de 200 firmas", "0 de 5 pasos hechos",
				"Nosotros, residentes de");
		assertThat(AccessibleHtml.problems(spanish)).isEmpty();
		assertThat(html(get("/leader").with(this.leader), 200)).contains("Test Campaign",
				"href=\"" + dashboard() + "\"");
	}

	@Test
	void everyStepLeadsToARealPageAndTheEventsAreLinked() throws Exception {
		String page = html(get(dashboard()).with(this.leader), 200);
		Matcher steps = Pattern
			.compile("<p><a href=\"([^\"]+)\">([^<]+)</a>\\s*(?:<strong[^>]*>[^<]*</strong>)?</p>"
					+ "\\s*<p class=\"help\">")
			.matcher(page);
		List<String> links = new ArrayList<>();
		while (steps.find()) {
			links.add(steps.group(1));
			assertThat(steps.group(2)).doesNotContain("video", "Meet the end287g team");
		}
		assertThat(links).containsExactly("/leader/campaigns/" + this.campaign + "/lessons",
				"/leader/campaigns/" + this.campaign + "/toolkit", "/leader/campaigns/" + this.campaign + "/paper",
				"/leader/events/new", "/leader/campaigns/" + this.campaign + "/lessons/delivering-a-petition");
		for (String link : links) {
			this.mvc.perform(get(link).with(this.leader)).andExpect(status().isOk());
		}
		// the campaign's events, and a new one for this campaign
		assertThat(page).contains("Events of this campaign", "No event of this campaign is planned yet.",
				"href=\"/leader/events/new?campaign=" + this.slug + "\"", "href=\"/leader/events\"");
		assertThat(html(get("/leader/events/new").param("campaign", this.slug).with(this.leader), 200))
			.contains(">" + this.slug + "</textarea>");
		assertThat(html(get("/leader").with(this.leader), 200)).contains("href=\"/leader/events/new\"",
				"href=\"/leader/events\"");
	}

	@Test
	void theChecklistCountsStepsPerLeader() throws Exception {
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post(dashboard() + "/training").with(this.leader)
					.with(csrf())
					.param("step", "share-page")
					.param("done", "true"))
				.andExpect(status().is3xxRedirection());
		}
		this.mvc
			.perform(post(dashboard() + "/training").with(this.leader)
				.with(csrf())
				.param("step", "read-guide")
				.param("done", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get(dashboard()).with(this.leader), 200)).contains("2 of 5 done",
				"Mark not done: Share the campaign page", "Mark done: Plan the delivery");
		this.mvc
			.perform(post(dashboard() + "/training").with(this.leader)
				.with(csrf())
				.param("step", "share-page")
				.param("done", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get(dashboard()).with(this.leader), 200)).contains("1 of 5 done");
		for (String step : new String[] { "", "' OR 1=1 --", SCRIPT, "x".repeat(10_000), "meet-staff",
				"watch-training" }) {
			this.mvc
				.perform(post(dashboard() + "/training").with(this.leader)
					.with(csrf())
					.param("step", step)
					.param("done", "true"))
				.andExpect(status().isBadRequest());
		}
		this.mvc
			.perform(
					post(dashboard() + "/training").with(this.leader).param("step", "plan-event").param("done", "true"))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from leader_training where campaign_id = ?")).isEqualTo(1);
	}

	@Test
	void thePetitionTextIsCheckedSavedAndShownEscapedWithItsLanguage() throws Exception {
		String[][] cases = { { "", "Write the text of the petition.", "Escriba el texto de la petición." },
				{ "p".repeat(10_000), "A petition has at most 5,000 characters.",
						"Una petición tiene como máximo 5,000 caracteres." },
				{ "bad\u0007text", "The text cannot contain control characters.",
						"El texto no puede contener caracteres de control." } };
		for (String[] c : cases) {
			for (String language : new String[] { "en", "es" }) {
				String page = html(post(dashboard() + "/petition").with(this.leader)
					.with(csrf())
					.header("Accept-Language", language)
					.param("language", "en")
					.param("text", c[0]), 400);
				assertThat(page).contains("en".equals(language) ? c[1] : c[2])
					.contains("aria-describedby=\"petition-text-error petition-text-help\"");
				assertThat(AccessibleHtml.problems(page)).isEmpty();
			}
		}
		assertThat(html(post(dashboard() + "/petition").with(this.leader)
			.with(csrf())
			.header("Accept-Language", "es")
			.param("language", "' OR 1=1 --")
			.param("text", "Fine"), 400)).contains("Elija inglés o español.");
		assertThat(this.jdbc.sql("select petition_text from campaigns where id = ?")
			.param(this.campaign)
			.query(String.class)
			.optional()).isEmpty();

		String text = "We ask the sheriff ' OR 1=1 -- to listen.\r\n\r\n" + SCRIPT + " ✊🏽 مرحبا بكم";
		this.mvc
			.perform(post(dashboard() + "/petition").with(this.leader)
				.with(csrf())
				.param("language", "en")
				.param("text", text))
			.andExpect(status().is3xxRedirection());
		String page = html(get("/campaigns/" + this.slug + "?lang=es"), 200);
		assertThat(page)
			.contains("Los líderes escribieron esta petición en inglés.",
					"<p>We ask the sheriff &#39; OR 1=1 -- to listen.</p>",
					"<p>&lt;script&gt;alert(1)&lt;/script&gt; ✊🏽 مرحبا بكم</p>", "lang=\"en\"")
			.doesNotContain(SCRIPT, "Nosotros, residentes de");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get("/campaigns/" + this.slug), 200)).doesNotContain("The leaders wrote this petition");
		assertThat(html(get(dashboard()).with(this.leader), 200)).contains("The campaign page shows your petition.");

		this.mvc.perform(post(dashboard() + "/petition").with(this.leader).with(csrf()).param("action", "sample"))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get("/campaigns/" + this.slug), 200)).contains("We, residents of")
			.doesNotContain("sheriff &#39;");
		assertThat(this.jdbc
			.sql("select details from audit_log where action = 'campaign.petition' and subject = ? order by id")
			.param(Long.toString(this.campaign))
			.query(String.class)
			.list()).hasSize(2).last().isEqualTo("sample");
	}

	@Test
	void theGoalAndDeadlineAreChecked() throws Exception {
		this.jdbc.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, 0, 12)")
			.param(this.campaign)
			.update();
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String[][] cases = { { "goal", "", "Enter a goal.", "Escriba una meta." },
				{ "goal", "0", "from 1 to 1,000,000", "de 1 a 1,000,000" },
				{ "goal", "-5", "from 1 to 1,000,000", "de 1 a 1,000,000" },
				{ "goal", "1000001", "from 1 to 1,000,000", "de 1 a 1,000,000" },
				{ "goal", "' OR 1=1 --", "from 1 to 1,000,000", "de 1 a 1,000,000" },
				{ "goal", "9".repeat(10_000), "from 1 to 1,000,000", "de 1 a 1,000,000" },
				{ "goal", "١٠٠", "from 1 to 1,000,000", "de 1 a 1,000,000" },
				{ "goal", "11", "cannot be lower than the signatures", "no puede ser menor que las firmas" },
				{ "deadline", today, "must be a date after today", "debe ser posterior a hoy" },
				{ "deadline", "2020-01-01", "must be a date after today", "debe ser posterior a hoy" },
				{ "deadline", "2030-13-45", "Enter the deadline as a date", "Escriba la fecha límite como fecha" },
				{ "deadline", SCRIPT, "Enter the deadline as a date", "Escriba la fecha límite como fecha" },
				{ "deadline", "x".repeat(10_000), "Enter the deadline as a date",
						"Escriba la fecha límite como fecha" } };
		for (String[] c : cases) {
			for (String language : new String[] { "en", "es" }) {
				Map<String, String> fields = new HashMap<>(Map.of("goal", "300", "deadline", ""));
				fields.put(c[0], c[1]);
				MockHttpServletRequestBuilder request = post(dashboard() + "/goal").with(this.leader)
					.with(csrf())
					.header("Accept-Language", language);
				fields.forEach(request::param);
				String page = html(request, 400);
				assertThat(page).as(c[0] + "=" + c[1])
					.contains("en".equals(language) ? c[2] : c[3])
					.contains("id=\"" + c[0] + "-error\"")
					.doesNotContain(SCRIPT);
			}
		}
		assertThat(count("select goal from campaigns where id = ?")).isEqualTo(200);
		String deadline = LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString();
		this.mvc
			.perform(post(dashboard() + "/goal").with(this.leader)
				.with(csrf())
				.param("goal", "12")
				.param("deadline", deadline))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select goal from campaigns where id = ?")).isEqualTo(12);
		String page = html(get(dashboard()).with(this.leader), 200);
		assertThat(page).contains("12 of 12 signatures", "value=\"" + deadline + "\"");
		this.mvc
			.perform(post(dashboard() + "/goal").with(this.leader)
				.with(csrf())
				.param("goal", "1000000")
				.param("deadline", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(html(get(dashboard()).with(this.leader), 200)).contains("No deadline", "12 of 1,000,000 signatures");
	}

	@Test
	void updatesAreCheckedAndNothingIsHalfSaved() throws Exception {
		String[][] cases = { { "title", "", "Enter a title.", "Escriba un título." },
				{ "title", "t".repeat(10_000), "A title has at most 200 characters.",
						"Un título tiene como máximo 200 caracteres." },
				{ "title", "a\nb", "A title cannot contain control characters.",
						"Un título no puede contener caracteres de control." },
				{ "body", "", "Write the text of the update.", "Escriba el texto de la novedad." },
				{ "body", "b".repeat(20_001), "An update has at most 20,000 characters.",
						"Una novedad tiene como máximo 20,000 caracteres." } };
		long mails = this.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
		for (String[] c : cases) {
			for (String language : new String[] { "en", "es" }) {
				Map<String, String> fields = new HashMap<>(Map.of("title", "A title", "body", "A body"));
				fields.put(c[0], c[1]);
				MockHttpServletRequestBuilder request = post(dashboard() + "/updates").with(this.leader)
					.with(csrf())
					.header("Accept-Language", language);
				fields.forEach(request::param);
				String page = html(request, 400);
				assertThat(page).as(c[0]).contains("en".equals(language) ? c[2] : c[3]);
				assertThat(page).contains("id=\"update-" + c[0] + "-error\"");
				assertThat(AccessibleHtml.problems(page)).isEmpty();
			}
		}
		assertThat(count("select count(*) from campaign_updates where campaign_id = ?")).isZero();
		assertThat(this.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isEqualTo(mails);

		// 10,000 characters of Markdown, SQL, emoji and right-to-left text are fine
		String body = "' OR 1=1 -- ✊🏽 שלום <b>raw</b>\n\n" + "word ".repeat(2_000);
		this.mvc
			.perform(post(dashboard() + "/updates").with(this.leader)
				.with(csrf())
				.param("title", "Update " + SCRIPT)
				.param("body", body))
			.andExpect(status().is3xxRedirection());
		String page = html(get("/campaigns/" + this.slug), 200);
		assertThat(page)
			.contains("Updates from the leaders", "<h3>Update &lt;script&gt;alert(1)&lt;/script&gt;</h3>",
					"' OR 1=1 -- ✊🏽 שלום &lt;b&gt;raw&lt;/b&gt;")
			.doesNotContain(SCRIPT, "<b>raw</b>");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get(dashboard()).with(this.leader), 200)).contains("sent to 0 supporters");
	}

}
