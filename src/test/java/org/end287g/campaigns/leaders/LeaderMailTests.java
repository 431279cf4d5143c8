package org.end287g.campaigns.leaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.end287g.Staff;
import org.end287g.accounts.Permissions;
import org.end287g.accounts.QueuedMail;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The leaders' mail through a real SMTP server (GreenMail): becoming a leader from the
 * confirmation link to the invitation, and an update reaching exactly the supporters who
 * asked for it, each in their language.
 */
@SpringBootTest(
		properties = { "end287g.site.base-url=https://end287g.test/", "spring.datasource.hikari.maximum-pool-size=3" })
@DirtiesContext
@AutoConfigureMockMvc
class LeaderMailTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	static long numbers = System.nanoTime() % 1_000_000_000L + 2_000_000_000L;

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

	@Autowired
	Permissions permissions;

	@Autowired
	StaffLeaderAlerts alerts;

	long campaign;

	String slug;

	String title;

	@BeforeEach
	void campaign() {
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(PORT);
		}
		// a clean outbox, as the outbox's own SMTP tests keep it: the worker's start-up
		// poll must not still be busy with other tests' messages when ours are queued
		this.jdbc.sql("delete from mail_outbox").update();
		OutboxDriver.pollOnce(this.context);
		long n = ++numbers;
		this.campaign = TestCampaigns.id(this.jdbc, n);
		this.slug = "nc-test-campaign-" + n;
		this.title = "Test Campaign " + n;
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void fromTheFormToLeadingTheCampaign() throws Exception {
		String email = SignedIn.newEmail();
		this.mvc
			.perform(post("/campaigns/" + this.slug + "/lead").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("name", "Rosa Díaz")
				.param("email", email)
				.param("zip", "28052")
				.param("commitment", "yes"))
			.andExpect(status().is3xxRedirection());
		OutboxDriver.sendAll(this.context);
		MimeMessage confirmation = only(email);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your request to lead a campaign");
		String body = body(confirmation);
		Matcher link = Pattern.compile("https://end287g\\.test/campaigns/" + this.slug + "/lead/confirm/(\\S+)")
			.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		this.mvc.perform(post("/campaigns/" + this.slug + "/lead/confirm/" + link.group(1)).with(csrf()))
			.andExpect(status().isOk());
		long id = this.jdbc.sql("select id from leader_applications where email_index = ? and status = 'PENDING'")
			.param(this.index.ofEmail(email))
			.query(Long.class)
			.single();

		this.mvc.perform(post("/admin/leaders/" + id + "/approve").with(Staff.admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		OutboxDriver.sendAll(this.context);
		// one mail for the approval, no separate invitation
		List<MimeMessage> received = receivedBy(email);
		assertThat(received).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Confirm your request to lead a campaign",
					"You lead the campaign for " + this.title);
		String account = this.accounts.idOf(email).orElseThrow();
		assertThat(this.permissions.leads(
				new UsernamePasswordAuthenticationToken(account, null, AuthorityUtils.NO_AUTHORITIES), this.campaign))
			.isTrue();
		MimeMessage approved = received.stream()
			.filter((message) -> subject(message).startsWith("You lead"))
			.findFirst()
			.orElseThrow();
		String welcome = body(approved);
		assertThat(welcome).startsWith("Hello Rosa Díaz,")
			.contains("It works once, for 3 days:", "https://end287g.test/leader/campaigns/" + this.campaign);

		// the link signs the new leader in, straight onto the campaign's dashboard
		Matcher signIn = Pattern.compile("https://end287g\\.test(/sign-in/link\\?token=[0-9a-f-]{36}&next=(\\S+))")
			.matcher(welcome);
		assertThat(signIn.find()).as(welcome).isTrue();
		assertThat(signIn.group(2)).isEqualTo("/leader/campaigns/" + this.campaign);
		String linkPage = this.mvc.perform(get(signIn.group(1)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(linkPage);
		assertThat(token.find()).as(linkPage).isTrue();
		assertThat(linkPage).contains("name=\"next\" value=\"/leader/campaigns/" + this.campaign + "\"");
		assertThat(AccessibleHtml.problems(linkPage)).isEmpty();
		MockHttpServletResponse signedIn = this.mvc
			.perform(post("/login/ott").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("token", token.group(1))
				.param("next", signIn.group(2)))
			.andReturn()
			.getResponse();
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/leader/campaigns/" + this.campaign);
		Cookie session = signedIn.getCookie(SignedIn.SESSION_COOKIE);
		assertThat(session).isNotNull();
		String dashboard = this.mvc.perform(get("/leader/campaigns/" + this.campaign).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(dashboard).contains("Your campaign: " + this.title);
		// once only
		assertThat(this.mvc
			.perform(post("/login/ott").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("token", token.group(1))
				.param("next", signIn.group(2)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/sign-in?link=invalid");
	}

	@Test
	void staffHearOfAConfirmedRequestAtOnceAndOfTheNextOnesInOneDigest() throws Exception {
		String admin = SignedIn.newEmail();
		this.accounts.admin(admin, "Alma Admin");
		this.jdbc.sql("update accounts set language = 'es' where id = ?")
			.param(this.accounts.idOf(admin).orElseThrow())
			.update();
		this.jdbc.sql("update staff_digests set sent_at = null, due = false where kind = 'leader-requests'").update();
		long pendingBefore = this.jdbc.sql("select count(*) from leader_applications where status = 'PENDING'")
			.query(Long.class)
			.single();

		confirmedRequest("Uno Primero", this.slug);
		OutboxDriver.sendAll(this.context);
		MimeMessage first = staffMail(admin, 1).get(0);
		assertThat(first.getSubject()).isIn("Una solicitud para dirigir una campaña le espera",
				(pendingBefore + 1) + " solicitudes para dirigir una campaña le esperan");
		assertThat(body(first))
			.contains("- " + this.title, "https://end287g.test/admin/leaders", "https://end287g.test/admin")
			.doesNotContain("Uno Primero");

		// two more within the interval: no mail now
		TestCampaigns.id(this.jdbc, ++numbers);
		String otherTitle = "Test Campaign " + numbers;
		confirmedRequest("Dos Segundo", this.slug);
		confirmedRequest("Tres Tercero", "nc-test-campaign-" + numbers);
		OutboxDriver.sendAll(this.context);
		assertThat(staffMail(admin, 1)).hasSize(1);
		assertThat(this.alerts.sendDue(Instant.now().plus(Duration.ofMinutes(10)))).isFalse();

		// the digest, once the interval has passed, from whichever instance comes first
		Instant later = Instant.now().plus(Duration.ofMinutes(31));
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> sent = instances
				.invokeAll(List.of(() -> this.alerts.sendDue(later), () -> this.alerts.sendDue(later)));
			assertThat(sent.get(0).get() ^ sent.get(1).get()).as("exactly one instance sends it").isTrue();
		}
		finally {
			instances.shutdown();
		}
		assertThat(this.alerts.sendDue(later.plus(Duration.ofMinutes(40)))).as("nothing new came").isFalse();
		OutboxDriver.sendAll(this.context);
		List<MimeMessage> mails = staffMail(admin, 2);
		assertThat(mails).hasSize(2);
		String digest = body(mails.get(1));
		assertThat(digest).contains("- " + this.title + " (2 solicitudes)", "- " + otherTitle,
				"en los 30 minutos siguientes");
	}

	/**
	 * The mails to this admin about requests to lead a campaign (not the invitation),
	 * waiting a moment for the expected number: the worker's own poll may be sending one.
	 */
	static List<MimeMessage> staffMail(String admin, int expected) throws InterruptedException {
		List<MimeMessage> mails = List.of();
		for (int wait = 0; wait < 100; wait++) {
			mails = receivedBy(admin).stream().filter((message) -> subject(message).contains("solicitud")).toList();
			if (mails.size() >= expected) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(mails).hasSize(expected);
		return mails;
	}

	/** A request to lead the campaign of this slug, confirmed by its link. */
	void confirmedRequest(String name, String slug) throws Exception {
		String email = SignedIn.newEmail();
		this.mvc
			.perform(post("/campaigns/" + slug + "/lead").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("name", name)
				.param("email", email)
				.param("zip", "28052")
				.param("commitment", "yes"))
			.andExpect(status().is3xxRedirection());
		QueuedMail.Message confirm = new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "leader-confirm");
		Matcher link = Pattern.compile("/lead/confirm/(\\S+)").matcher(confirm.body());
		assertThat(link.find()).isTrue();
		this.mvc.perform(post("/campaigns/" + slug + "/lead/confirm/" + link.group(1)).with(csrf()))
			.andExpect(status().isOk());
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void anUpdateReachesOptedInSupportersInTheirLanguageAndNoOneElse() throws Exception {
		String leader = this.accounts.leader(SignedIn.newEmail(), "Leader", this.campaign);
		long other = TestCampaigns.id(this.jdbc, ++numbers);
		String spanish = signer("es", true, true, false, this.campaign);
		String english = signer("en", true, true, false, this.campaign);
		String optedOut = signer("en", false, true, false, this.campaign);
		String unconfirmed = signer("es", true, false, false, this.campaign);
		String invalidated = signer("en", true, true, true, this.campaign);
		String otherCampaign = signer("en", true, true, false, other);
		OutboxDriver.sendAll(this.context);

		String markdown = "We met the **sheriff** today.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))";
		this.mvc
			.perform(post("/leader/campaigns/" + this.campaign + "/updates").with(user(leader).roles("LEADER"))
				.with(csrf())
				.param("title", "Meeting ✊🏽")
				.param("body", markdown))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select recipients from campaign_updates where campaign_id = ?")
			.param(this.campaign)
			.query(Integer.class)
			.single()).isEqualTo(2);
		OutboxDriver.sendAll(this.context);

		MimeMessage es = only(spanish);
		assertThat(es.getSubject()).isEqualTo(this.title + ": Meeting ✊🏽");
		assertThat(body(es)).contains("Noticias de los líderes de la campaña", "We met the **sheriff** today.",
				"https://end287g.test/campaigns/" + this.slug, "Deje de recibir");
		assertThat(es.getHeader("List-Unsubscribe")).isNotNull();
		MimeMessage en = only(english);
		assertThat(body(en)).contains("News from the leaders of the campaign", "We met the **sheriff** today.",
				"Read it on the campaign page:");
		for (String nobody : new String[] { optedOut, unconfirmed, invalidated, otherCampaign }) {
			assertThat(receivedBy(nobody)).isEmpty();
		}

		String page = this.mvc.perform(get("/campaigns/" + this.slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page)
			.contains("<h3>Meeting ✊🏽</h3>", "We met the <strong>sheriff</strong> today.",
					"&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)", "javascript:");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
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

	/**
	 * The one mail to the address, waiting a moment for it: the worker's start-up poll
	 * may have claimed it and still be sending it.
	 */
	static MimeMessage only(String to) throws InterruptedException {
		List<MimeMessage> received = receivedBy(to);
		for (int wait = 0; wait < 100 && received.isEmpty(); wait++) {
			Thread.sleep(100);
			received = receivedBy(to);
		}
		assertThat(received).hasSize(1);
		return received.get(0);
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
		return (String) message.getContent();
	}

}
