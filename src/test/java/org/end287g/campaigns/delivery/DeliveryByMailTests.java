package org.end287g.campaigns.delivery;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.notifications.internal.OutboxDriver;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delivery by mail through a real SMTP server (GreenMail): the packet goes to the
 * target's published office address once (again only when the leader confirms), with a
 * copy to the leader and a signed, expiring link to the PDF; the official's response is
 * published on the campaign page and mailed to the signers who asked for updates only,
 * each in their language; bad input is refused with a translated error and nothing stored
 * or sent.
 */
@SpringBootTest(
		properties = { "end287g.site.base-url=https://end287g.test/", "spring.datasource.hikari.maximum-pool-size=3" })
@DirtiesContext
@AutoConfigureMockMvc
class DeliveryByMailTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	/** The mails of delivery by mail (the leader's invitation is not one). */
	static final String OURS = "mail_outbox where template in ('packet-to-office', 'campaign-response')";

	static long numbers = System.nanoTime() % 1_000_000_000L + 3_000_000_000L;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Supporters supporters;

	@Autowired
	BlindIndex index;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	TestAccounts accounts;

	long campaign;

	String slug;

	String title;

	String officeEmail;

	long sheriff;

	long board;

	String leaderEmail;

	RequestPostProcessor leader;

	@BeforeEach
	void campaign() {
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(PORT);
		}
		this.jdbc.sql("delete from mail_outbox").update();
		OutboxDriver.pollOnce(this.context);
		long n = ++numbers;
		this.campaign = TestCampaigns.id(this.jdbc, n);
		this.slug = "nc-test-campaign-" + n;
		this.title = "Test Campaign " + n;
		this.officeEmail = "sheriff-" + n + "@county.example.gov";
		this.sheriff = office("SHERIFF", "Test Sheriff " + n, "test-agency-" + n + "-nc", "Chad Hawkins", "Sheriff",
				this.officeEmail);
		this.board = office("COUNTY_BOARD", "Test Board " + n, null, "Chad Brown", "Chair", null);
		this.jdbc.sql("insert into decide_targets (campaign_id, office_id, added_at) values (?, ?, ?)")
			.params(this.campaign, this.board, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.leaderEmail = SignedIn.newEmail();
		this.leader = user(this.accounts.leader(this.leaderEmail, "Leader", this.campaign)).roles("LEADER");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	/** An office of the directory with its current holder; its id. */
	long office(String kind, String name, String agency, String person, String title, String email) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into decide_offices (kind, name, state, agency_slug, office_key, created_at)
				values (?, ?, 'NC', ?, ?, ?)""").params(kind, name).param(agency).params("key:" + name, now).update();
		long id = this.jdbc.sql("select id from decide_offices where office_key = ?")
			.param("key:" + name)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into decide_holders (office_id, person_name, title, phone, email, source_title, source_url,
				checked_on, created_at) values (?, ?, ?, '704-869-6800', ?, 'County site', 'https://county.example.gov',
				?, ?)""").params(id, person, title).param(email).params(LocalDate.of(2026, 11, 1), now).update();
		return id;
	}

	MockHttpServletRequestBuilder send(long office) {
		return post("/leader/campaigns/{id}/delivery/send", this.campaign).param("office", Long.toString(office))
			.with(this.leader)
			.with(csrf());
	}

	String html(RequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql("select count(*) from " + sql).params(params).query(Long.class).single();
	}

	@Test
	void theOfficeGetsThePacketOnceWithACopyToTheLeaderAndTheLinkOpensThePdf() throws Exception {
		signer("en", false, true, false, this.campaign);
		String page = html(get("/leader/campaigns/{id}/delivery", this.campaign).with(this.leader), 200);
		assertThat(page).contains("Send the packet to Chad Hawkins&#39;s office", this.officeEmail,
				"This office has no published e-mail address");
		assertThat(AccessibleHtml.problems(page)).isEmpty();

		this.mvc.perform(send(this.sheriff)).andExpect(status().is3xxRedirection());
		OutboxDriver.sendAll(this.context);
		MimeMessage office = only(this.officeEmail);
		assertThat(office.getSubject()).startsWith("Petition: " + this.title + " (");
		String body = body(office);
		assertThat(body).startsWith("Dear Sheriff Chad Hawkins,")
			.contains("the petition signed by ", "https://end287g.test/campaigns/" + this.slug)
			.doesNotContain("A copy of");
		MimeMessage copy = only(this.leaderEmail, "Petition: ");
		assertThat(body(copy))
			.startsWith("A copy of the e-mail sent for your campaign to Chad Hawkins <" + this.officeEmail + ">:")
			.contains("Dear Sheriff Chad Hawkins,");
		assertThat(
				count("audit_log where action = 'campaign.packet.mailed' and subject = ?", "campaign:" + this.campaign))
			.isOne();

		// the link in the mail: the PDF of this campaign, audited; a forged or other
		// campaign's link is refused
		Matcher link = Pattern
			.compile("https://end287g\\.test(/campaigns/" + this.slug + "/packet\\.pdf\\?token=(\\S+))")
			.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		byte[] pdf = this.mvc.perform(get(link.group(1)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(count("audit_log where action = 'personal-data.export' and actor = ?", "office:" + this.sheriff))
			.isOne();
		String token = link.group(2);
		this.mvc.perform(get("/campaigns/{slug}/packet.pdf", this.slug).param("token", token.substring(1)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/campaigns/{slug}/packet.pdf", this.slug)).andExpect(status().isNotFound());
		long other = TestCampaigns.id(this.jdbc, ++numbers);
		this.mvc.perform(get("/campaigns/nc-test-campaign-{n}/packet.pdf", numbers).param("token", token))
			.andExpect(status().isNotFound());

		// a second click: refused with the question, nothing sent; confirmed: sent again
		String again = html(send(this.sheriff), 400);
		assertThat(again).contains("The packet was already sent to this office", "Yes, send it again");
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		assertThat(
				html(get("/leader/campaigns/{id}/delivery", this.campaign).param("lang", "es").with(this.leader), 200))
			.contains("Enviado el " + java.time.format.DateTimeFormatter
				.ofPattern("d 'de' MMMM 'de' yyyy", java.util.Locale.forLanguageTag("es"))
				.format(today));
		assertThat(AccessibleHtml.problems(again)).isEmpty();
		OutboxDriver.sendAll(this.context);
		assertThat(receivedBy(this.officeEmail)).hasSize(1);
		assertThat(count("campaign_packet_mails where campaign_id = ?", this.campaign)).isOne();
		this.mvc.perform(send(this.sheriff).param("again", "true")).andExpect(status().is3xxRedirection());
		OutboxDriver.sendAll(this.context);
		assertThat(waitFor(this.officeEmail, 2)).hasSize(2);
		assertThat(waitFor(this.leaderEmail, 3)).filteredOn((m) -> subject(m).startsWith("Petition: ")).hasSize(2);

		// no address, no target of this campaign, hostile values, another campaign's
		// leader, no CSRF token: nothing stored, nothing queued
		long queued = count(OURS);
		assertThat(html(send(this.board), 400)).contains("This target has no published e-mail address");
		for (String bad : new String[] { "", "x' OR 1=1 --", "99999999", "-1", "<script>", "9".repeat(5000) }) {
			assertThat(html(post("/leader/campaigns/{id}/delivery/send", this.campaign).param("office", bad)
				.with(this.leader)
				.with(csrf()), 400)).contains("This target has no published e-mail address");
		}
		assertThat(html(send(this.board).param("lang", "es"), 400))
			.contains("Este destinatario no publica una dirección de correo");
		RequestPostProcessor otherLeader = user(this.accounts.leader(SignedIn.newEmail(), "Other", other))
			.roles("LEADER");
		this.mvc
			.perform(post("/leader/campaigns/{id}/delivery/send", this.campaign)
				.param("office", Long.toString(this.sheriff))
				.param("again", "true")
				.with(otherLeader)
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/leader/campaigns/{id}/delivery/send", this.campaign)
				.param("office", Long.toString(this.sheriff))
				.param("again", "true")
				.with(this.leader))
			.andExpect(status().isForbidden());
		assertThat(count(OURS)).isEqualTo(queued);
		assertThat(count("campaign_packet_mails where campaign_id = ?", this.campaign)).isEqualTo(2);
	}

	@Test
	void theResponseIsPublishedAndMailedToOptedInSignersInTheirLanguage() throws Exception {
		long other = TestCampaigns.id(this.jdbc, ++numbers);
		String spanish = signer("es", true, true, false, this.campaign);
		String spanishNoTranslation = signer("es", true, true, false, this.campaign);
		String english = signer("en", true, true, false, this.campaign);
		String optedOut = signer("en", false, true, false, this.campaign);
		String unconfirmed = signer("es", true, false, false, this.campaign);
		String invalidated = signer("en", true, true, true, this.campaign);
		String otherCampaign = signer("en", true, true, false, other);
		OutboxDriver.sendAll(this.context);

		this.mvc.perform(response(Map.of("bodyEs", "Gracias por su carta. El acuerdo sigue hasta 2027.")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select recipients from campaign_responses where campaign_id = ?")
			.param(this.campaign)
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(count("audit_log where action = 'campaign.response' and subject = ? and details like ?",
				"campaign:" + this.campaign, "%source=LETTER https://county.example.gov/response%"))
			.isOne();
		OutboxDriver.sendAll(this.context);

		MimeMessage es = only(spanish);
		assertThat(es.getSubject()).isEqualTo(this.title + ": Chad Hawkins respondió");
		assertThat(body(es)).contains("Chad Hawkins respondió a la petición", "3 de julio de 2025, Carta:",
				"(Traducida por quienes lideran la campaña.)", "Gracias por su carta. El acuerdo sigue hasta 2027.",
				"La respuesta tal como llegó:", "Thank you for your letter.\nThe agreement stays until 2027.",
				"https://end287g.test/campaigns/" + this.slug + "#response-", "Deje de recibir");
		assertThat(es.getHeader("List-Unsubscribe")).isNotNull();
		assertThat(body(only(spanishNoTranslation))).contains("Gracias por su carta.");
		MimeMessage en = only(english);
		assertThat(en.getSubject()).isEqualTo(this.title + ": Chad Hawkins responded");
		assertThat(body(en)).contains("3 July 2025, Letter:", "Thank you for your letter.")
			.doesNotContain("Gracias", "as received");
		for (String nobody : new String[] { optedOut, unconfirmed, invalidated, otherCampaign }) {
			assertThat(receivedBy(nobody)).isEmpty();
		}

		String page = html(get("/campaigns/" + this.slug), 200);
		assertThat(page)
			.contains("The official&#39;s response", "Response from Chad Hawkins",
					"Thank you for your letter.\nThe agreement stays until 2027.",
					"href=\"https://county.example.gov/response\"")
			.doesNotContain("Gracias por su carta");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		String spanishPage = html(get("/campaigns/" + this.slug).param("lang", "es"), 200);
		assertThat(spanishPage).contains("La respuesta de la autoridad", "Gracias por su carta.",
				"Traducida por quienes lideran la campaña", "<summary>La respuesta tal como llegó</summary>");
		assertThat(AccessibleHtml.problems(spanishPage)).isEmpty();
		assertThat(html(get("/leader/campaigns/{id}/delivery", this.campaign).with(this.leader), 200))
			.contains("Chad Hawkins, 3 July 2025, sent to 3 supporters");
	}

	@Test
	void badResponsesAreTranslatedErrorsAndNothingIsStoredOrSent() throws Exception {
		signer("es", true, true, false, this.campaign);
		String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
		Object[][] cases = { { Map.of("body", ""), "Please fill in this field." },
				{ Map.of("body", "   \n  "), "Please fill in this field." },
				{ Map.of("body", "x".repeat(10_001)), "at most 10,000 characters" },
				{ Map.of("bodyEs", "x".repeat(200_000)), "at most 10,000 characters" },
				{ Map.of("body", "Hello\u0000<script>alert(1)</script>"), "remove the control characters" },
				{ Map.of("respondedOn", ""), "Please fill in this field." },
				{ Map.of("respondedOn", "2025-02-30"), "valid date" },
				{ Map.of("respondedOn", "' OR 1=1 --"), "valid date" }, { Map.of("respondedOn", tomorrow), "future" },
				{ Map.of("source", ""), "choose one of the options" },
				{ Map.of("source", "TWEET"), "choose one of the options" },
				{ Map.of("sourceUrl", "javascript:alert(1)"), "starts with https:// or http://" },
				{ Map.of("sourceUrl", "https://x.org/" + "a".repeat(600)), "at most 500 characters" },
				{ Map.of("target", ""), "choose one of the options" },
				{ Map.of("target", "99999999"), "choose one of the options" },
				{ Map.of("target", "<script>"), "choose one of the options" } };
		for (Object[] c : cases) {
			@SuppressWarnings("unchecked")
			String html = html(response((Map<String, String>) c[0]), 400);
			assertThat(html).as(c[0].toString().substring(0, Math.min(80, c[0].toString().length())))
				.contains((String) c[1])
				.doesNotContain("<script>alert");
			assertThat(AccessibleHtml.problems(html)).isEmpty();
		}
		assertThat(html(response(Map.of("body", "")).param("lang", "es"), 400)).contains("Por favor, complete");
		assertThat(count("campaign_responses")).isZero();
		assertThat(count(OURS)).isZero();

		// the same text twice: the second is refused, nothing more is mailed
		this.mvc.perform(response(Map.of())).andExpect(status().is3xxRedirection());
		long queued = count(OURS);
		assertThat(html(response(Map.of("respondedOn", "2025-07-04")), 400))
			.contains("This response is already published");
		assertThat(html(response(Map.of()).param("lang", "es"), 400)).contains("Esta respuesta ya está publicada");
		assertThat(count("campaign_responses")).isOne();
		assertThat(count(OURS)).isEqualTo(queued);
		// another campaign's leader, an anonymous visitor
		long other = TestCampaigns.id(this.jdbc, ++numbers);
		this.mvc
			.perform(post("/leader/campaigns/{id}/response", this.campaign)
				.with(user(this.accounts.leader(SignedIn.newEmail(), "Other", other)).roles("LEADER"))
				.with(csrf())
				.param("body", "Other text"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/leader/campaigns/{id}/response", this.campaign).with(csrf()).param("body", "Other text"))
			.andExpect(status().is3xxRedirection());
		assertThat(count("campaign_responses")).isOne();
	}

	/** A valid response form, with these values replaced. */
	MockHttpServletRequestBuilder response(Map<String, String> values) {
		Map<String, String> all = new java.util.HashMap<>(Map.of("target", Long.toString(this.sheriff), "respondedOn",
				"2025-07-03", "source", "LETTER", "sourceUrl", "https://county.example.gov/response", "body",
				"Thank you for your letter.\nThe agreement stays until 2027."));
		all.putAll(values);
		MockHttpServletRequestBuilder request = post("/leader/campaigns/{id}/response", this.campaign).with(this.leader)
			.with(csrf());
		all.forEach(request::param);
		return request;
	}

	/** A supporter who signed, with the choices given; returns the address. */
	String signer(String language, boolean updates, boolean confirmed, boolean invalidated, long campaign) {
		String email = SignedIn.newEmail();
		long supporter = this.supporters
			.register(new SupporterDetails(email, null, null, null, Locale.forLanguageTag(language)));
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into signatures (campaign_id, supporter_key, supporter_sealed, email_key, language, source,
					campaign_updates, created_at, confirmed_at, invalidated_at)
				values (?, ?, ?, ?, ?, 'ONLINE', ?, ?, ?, ?)""")
			.params(campaign, this.supporters.pseudonym(supporter, "campaign:" + campaign),
					this.cipher.seal(Long.toString(supporter), "signatures.supporter"),
					this.index.ofIdentityWithin("campaign:" + campaign, email), language, updates, now,
					confirmed ? now : null, invalidated ? now : null)
			.update();
		return email;
	}

	/** The one mail to the address with a subject that starts so. */
	static MimeMessage only(String to, String subject) throws InterruptedException {
		List<MimeMessage> received = waitFor(to, 2).stream().filter((m) -> subject(m).startsWith(subject)).toList();
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The one mail to the address, waiting a moment for it. */
	static MimeMessage only(String to) throws InterruptedException {
		List<MimeMessage> received = waitFor(to, 1);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	static List<MimeMessage> waitFor(String to, int count) throws InterruptedException {
		List<MimeMessage> received = receivedBy(to);
		for (int wait = 0; wait < 100 && received.size() < count; wait++) {
			Thread.sleep(100);
			received = receivedBy(to);
		}
		return received;
	}

	static List<MimeMessage> receivedBy(String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				Address[] all = m.getAllRecipients();
				return all != null && Arrays.stream(all).anyMatch((a) -> a.toString().equals(to));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static String body(MimeMessage message) throws Exception {
		return ((String) message.getContent()).replace("\r\n", "\n");
	}

}
