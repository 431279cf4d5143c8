package org.end287g.decide;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.end287g.Staff;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A leader mails the candidate questionnaire to the candidates of their campaign's
 * elections (once, again only on purpose and not twice a day, audited), never to another
 * campaign's; the mail is in English then Spanish, each part with a link that opens the
 * page in its language; over real SMTP.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeaderQuestionnaireTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageSource messages;

	long campaign;

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
		this.campaign = this.campaigns.find(DecideTests.CAMPAIGN).orElseThrow().id();
		for (String[] file : new String[][] { { "/admin/decide/import", DecideTests.HEADER, DecideTests.SHERIFF_LINE },
				{ "/admin/decide/elections/import", ElectionTests.HEADER,
						ElectionTests.ANA + "\n" + ElectionTests.BOB } }) {
			this.mvc.perform(multipart(file[0])
				.file(new MockMultipartFile("file", "nc.csv", "text/csv",
						(file[1] + "\n" + file[2] + "\n").getBytes(StandardCharsets.UTF_8)))
				.param("state", "NC")
				.param("action", "save")
				.with(Staff.admin())
				.with(csrf())).andExpect(status().isOk());
		}
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	long candidate(String name) {
		return this.jdbc.sql("select id from decide_candidates where name = ?").param(name).query(Long.class).single();
	}

	String html(RequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	RequestPostProcessor leaderOf(long campaignId) {
		return user(this.accounts.leader(SignedIn.newEmail(), "Leader", campaignId)).roles("LEADER");
	}

	void ask(RequestPostProcessor who, long campaignId, String candidate, String resend, String outcome)
			throws Exception {
		this.mvc
			.perform(post("/leader/campaigns/{id}/elections/candidates/{c}/ask", campaignId, candidate)
				.param("resend", resend)
				.with(who)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(outcome.endsWith(".sent") ? "notice" : "askError", outcome));
	}

	@Test
	void aLeaderMailsTheQuestionnaireOnceAndAgainOnlyOnPurpose() throws Exception {
		RequestPostProcessor leader = leaderOf(this.campaign);
		long ana = candidate("Ana Ruiz");
		assertThat(html(get("/leader/campaigns/{id}", this.campaign).with(leader), 200))
			.contains("href=\"/leader/campaigns/" + this.campaign + "/elections\"");
		String page = html(get("/leader/campaigns/{id}/elections", this.campaign).with(leader), 200);
		assertThat(page).contains("Elections and the candidate questionnaire", "Gaston County Sheriff", "Ana Ruiz",
				"Bob Stone", "Not asked yet", "Mail the questionnaire", "we endorse no one");
		assertThat(html(
				get("/leader/campaigns/{id}/elections", this.campaign).with(leader).header("Accept-Language", "es"),
				200))
			.contains("Elecciones y el cuestionario a los candidatos", "Enviar el cuestionario");

		long before = count("mail_outbox where template = 'candidate-questionnaire'");
		ask(leader, this.campaign, Long.toString(ana), "", "decide.pledge.ask.sent");
		// a second press does not mail it again; "send again" does not either within a
		// day
		ask(leader, this.campaign, Long.toString(ana), "", "decide.pledge.ask.asked");
		ask(leader, this.campaign, Long.toString(ana), "yes", "decide.pledge.ask.already");
		assertThat(count("mail_outbox where template = 'candidate-questionnaire'")).isEqualTo(before + 1);
		assertThat(count("audit_log where action = 'decide.pledge.ask' and subject = 'candidate:" + ana + "'")).isOne();
		assertThat(html(get("/leader/campaigns/{id}/elections", this.campaign).with(leader), 200))
			.contains("Questionnaire sent on", "Send again");
		// the next day, on purpose, it goes again
		this.jdbc.sql("update decide_candidates set asked_at = asked_at - interval '2' day where id = ?")
			.param(ana)
			.update();
		ask(leader, this.campaign, Long.toString(ana), "yes", "decide.pledge.ask.sent");
		assertThat(count("mail_outbox where template = 'candidate-questionnaire'")).isEqualTo(before + 2);
		assertThat(count("audit_log where action = 'decide.pledge.ask' and details = 'resend' and subject = 'candidate:"
				+ ana + "'"))
			.isOne();

		// empty, malformed, huge and hostile candidates, and one not in the campaign's
		// elections, are refused and mail nothing
		for (String bad : new String[] { " ", "abc", "9".repeat(40), "<script>", "-1", "999999999" }) {
			ask(leader, this.campaign, bad, "", "decide.pledge.ask.unknown");
		}
		assertThat(count("mail_outbox where template = 'candidate-questionnaire'")).isEqualTo(before + 2);
		// the error is worded in both languages
		ask(leader, this.campaign, Long.toString(ana), "", "decide.pledge.ask.asked");
		assertThat(this.messages.getMessage("decide.pledge.ask.asked", null, Locale.forLanguageTag("es")))
			.startsWith("El cuestionario ya se envió a este candidato");
		assertThat(
				AccessibleHtml.problems(html(get("/leader/campaigns/{id}/elections", this.campaign).with(leader), 200)))
			.isEmpty();
	}

	@Test
	void anotherCampaignsLeaderCannotAskOrSeeTheseCandidates() throws Exception {
		long other = TestCampaigns.id(this.jdbc, 987_654_321L);
		RequestPostProcessor stranger = leaderOf(other);
		long bob = candidate("Bob Stone");
		this.mvc.perform(get("/leader/campaigns/{id}/elections", this.campaign).with(stranger))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/leader/campaigns/{id}/elections/candidates/{c}/ask", this.campaign, bob).with(stranger)
				.with(csrf()))
			.andExpect(status().isNotFound());
		// through their own campaign, Bob is not among its elections
		ask(stranger, other, Long.toString(bob), "", "decide.pledge.ask.unknown");
		this.mvc.perform(post("/leader/campaigns/{id}/elections/candidates/{c}/ask", this.campaign, bob))
			.andExpect(status().is4xxClientError());
		assertThat(count("decide_candidates where asked_at is not null")).isZero();
	}

	@Test
	void theQuestionnaireMailIsInEnglishThenSpanishWithALinkForEach() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		ask(leaderOf(this.campaign), this.campaign, Long.toString(candidate("Bob Stone")), "",
				"decide.pledge.ask.sent");
		MimeMessage mail = TestSmtp.receivedBy(smtp, this.context, "bob@stoneforsheriff.org");
		assertThat(mail.getSubject()).isEqualTo(
				"Questionnaire for the candidates for Gaston County Sheriff / Cuestionario para los candidatos a Gaston County Sheriff");
		String text = text(mail);
		assertThat(text).contains("Hello Bob Stone,", "Will you end the 287(g) agreement?", "we endorse no one",
				"Hola, Bob Stone:", "¿Pondrá fin al acuerdo 287(g)?", "no respaldamos a nadie", "&lang=en", "&lang=es");
		assertThat(text.indexOf("Hello Bob Stone,")).isLessThan(text.indexOf("Hola, Bob Stone:"));
		String link = text.lines()
			.filter((line) -> line.contains("/pledge?token=") && line.endsWith("&lang=es"))
			.findFirst()
			.orElseThrow()
			.strip();
		String path = link.substring(link.indexOf("/pledge"));
		assertThat(html(
				get(path.substring(0, path.indexOf('?'))).queryParams(
						org.springframework.web.util.UriComponentsBuilder.fromUriString(path).build().getQueryParams()),
				200))
			.contains("Cuestionario", "Bob Stone");
	}

	@Test
	void theElectionsCsvCarriesEveryAnswerWithItsSource() throws Exception {
		this.jdbc.sql("""
				update decide_candidates set pledge = 'NO', statement = ?, pledge_source = 'STATEMENT',
				pledge_source_title = 'Gaston Gazette, debate', pledge_source_url = 'https://news.example.org/debate',
				pledged_on = current_date where name = 'Bob Stone'""").param("=HYPERLINK(\"x\")").update();
		this.jdbc
			.sql("""
					update decide_candidates set pledge = 'YES', statement = 'I will end it.', pledge_source = 'QUESTIONNAIRE',
					pledged_on = current_date where name = 'Ana Ruiz'""")
			.update();
		var response = this.mvc.perform(get("/api/v1/elections.csv").param("state", "nc"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("nc-elections.csv");
		String csv = response.getContentAsString(StandardCharsets.UTF_8);
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).startsWith("state,county_fips,county,office,kind,general_date")
			.endsWith(
					"candidate,party,pledge,statement,answered_on,answer_source,answer_source_title,answer_source_url");
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).startsWith("NC,37071,")
			.contains(",Ana Ruiz,Democratic,YES,I will end it.,")
			.endsWith(",QUESTIONNAIRE,,");
		// a formula is defused; a comma or quote is quoted
		assertThat(lines[2]).contains(",Bob Stone,Republican,NO,\"'=HYPERLINK(\"\"x\"\")\",")
			.endsWith(",STATEMENT,\"Gaston Gazette, debate\",https://news.example.org/debate");
		for (String bad : new String[] { "", "XX", "<script>", "N".repeat(300) }) {
			this.mvc.perform(get("/api/v1/elections.csv").param("state", bad)).andExpect(status().isBadRequest());
		}
		this.mvc.perform(get("/api/v1/elections.csv")).andExpect(status().isBadRequest());
		assertThat(html(get("/elections/nc/37071"), 200)).contains("href=\"/api/v1/elections.csv?state=NC\"");
	}

	static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			return text(multipart.getBodyPart(0));
		}
		return (String) content;
	}

}
