package org.end287g.campaigns.leaders;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.Staff;
import org.end287g.accounts.Permissions;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Become a leader": the form's errors in English and Spanish, the confirmation link, the
 * staff review and what each step stores and mails.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeaderApplicationTests {

	static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	static final String SCRIPT = "<script>alert(1)</script>";

	static final Pattern CONFIRM = Pattern.compile("https?://\\S+/lead/confirm/(\\S+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	Permissions permissions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	LeaderApplicationRecords applications;

	QueuedMail mail;

	long campaign;

	String slug;

	@BeforeEach
	void campaign() {
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		long n = NUMBERS.incrementAndGet();
		this.campaign = TestCampaigns.id(this.jdbc, n);
		this.slug = "nc-test-campaign-" + n;
	}

	Map<String, String> valid(String email) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Ana María López");
		fields.put("email", email);
		fields.put("zip", "28052");
		fields.put("phone", "704-555-0100");
		fields.put("why", "Mi familia vive aquí.\n\nQuiero ayudar.");
		fields.put("commitment", "yes");
		return fields;
	}

	MockHttpServletRequestBuilder apply(Map<String, String> fields, String language) {
		MockHttpServletRequestBuilder request = post("/campaigns/" + this.slug + "/lead").with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()))
			.header("Accept-Language", language);
		fields.forEach(request::param);
		return request;
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	String applicationStatus(String email) {
		return this.jdbc.sql("select status from leader_applications where campaign_id = ? and email_index = ?")
			.params(this.campaign, this.index.ofEmail(email))
			.query(String.class)
			.single();
	}

	static String token(QueuedMail.Message message) {
		Matcher link = CONFIRM.matcher(message.body());
		assertThat(link.find()).as("confirmation link in " + message.body()).isTrue();
		return link.group(1);
	}

	String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theFormIsAccessibleInBothLanguages() throws Exception {
		for (String language : new String[] { "en", "es" }) {
			String page = html(get("/campaigns/" + this.slug + "/lead").header("Accept-Language", language), 200);
			assertThat(AccessibleHtml.problems(page)).isEmpty();
			assertThat(page).contains("en".equals(language) ? "I commit to promote this campaign"
					: "Me comprometo a promover esta campaña");
		}
	}

	@Test
	void badFieldsGetTranslatedErrorsAndNothingIsStoredOrSent() throws Exception {
		String[][] cases = { { "name", "", "Enter your name.", "Escriba su nombre." },
				{ "name", "n".repeat(10_000), "A name has at most 100 characters.",
						"Un nombre tiene como máximo 100 caracteres." },
				{ "name", "Ana\u0000", "A name cannot contain control characters.",
						"Un nombre no puede contener caracteres de control." },
				{ "email", "", "Enter your e-mail address.", "Escriba su correo electrónico." },
				{ "email", "x".repeat(10_000), "An e-mail address has at most 254 characters.",
						"Un correo electrónico tiene como máximo 254 caracteres." },
				{ "email", SCRIPT, "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "email", "' OR 1=1 --", "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "zip", "", "Enter your ZIP code.", "Escriba su código postal." },
				{ "zip", "2805", "A ZIP code has five digits", "Un código postal tiene cinco dígitos" },
				{ "zip", "' OR 1=1 --", "A ZIP code has five digits", "Un código postal tiene cinco dígitos" },
				{ "zip", "00000", "We do not know this ZIP code.", "No conocemos este código postal." },
				{ "zip", "٢٨٠٥٢", "A ZIP code has five digits", "Un código postal tiene cinco dígitos" },
				{ "phone", SCRIPT, "Enter a phone number with digits", "Escriba un teléfono con dígitos" },
				{ "phone", "9".repeat(10_000), "Enter a phone number with digits", "Escriba un teléfono con dígitos" },
				{ "why", "w".repeat(10_000), "Please write at most 2,000 characters.",
						"Escriba como máximo 2,000 caracteres." },
				{ "commitment", "", "Check the box to commit", "Marque la casilla para comprometerse" },
				{ "commitment", "' OR 1=1 --", "Check the box to commit", "Marque la casilla para comprometerse" } };
		long applications = count("leader_applications");
		long mails = count("mail_outbox");
		for (String[] c : cases) {
			for (String language : new String[] { "en", "es" }) {
				Map<String, String> fields = valid(SignedIn.newEmail());
				fields.put(c[0], c[1]);
				String page = html(apply(fields, language), 400);
				assertThat(page).as(c[0] + "=" + c[1]).contains("en".equals(language) ? c[2] : c[3]);
				assertThat(page).contains("aria-describedby=\"" + c[0] + "-error")
					.contains("id=\"" + c[0] + "-error\"")
					.doesNotContain(SCRIPT);
				assertThat(AccessibleHtml.problems(page)).isEmpty();
			}
		}
		// a form with nothing at all
		String empty = html(
				post("/campaigns/" + this.slug + "/lead").with(csrf()).with(SignedIn.from(SignedIn.newAddress())), 400);
		assertThat(empty).contains("Enter your name.", "Enter your e-mail address.", "Enter your ZIP code.",
				"Check the box to commit");
		assertThat(count("leader_applications")).isEqualTo(applications);
		assertThat(count("mail_outbox")).isEqualTo(mails);
	}

	@Test
	void withoutCsrfNothingHappens() throws Exception {
		long applications = count("leader_applications");
		MockHttpServletRequestBuilder request = post("/campaigns/" + this.slug + "/lead")
			.with(SignedIn.from(SignedIn.newAddress()));
		valid(SignedIn.newEmail()).forEach(request::param);
		this.mvc.perform(request).andExpect(status().isForbidden());
		assertThat(count("leader_applications")).isEqualTo(applications);
	}

	@Test
	void hostileButValidTextIsStoredSealedAndShownEscapedToStaff() throws Exception {
		String email = SignedIn.newEmail();
		Map<String, String> fields = valid(email);
		fields.put("name", "Ana " + SCRIPT + " ✊🏽 مرحبا");
		fields.put("why", "' OR 1=1 --\n" + SCRIPT + "\nשלום 🙂");
		fields.put("phone", "");
		this.mvc.perform(apply(fields, "en"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/campaigns/" + this.slug + "/lead/sent"));
		assertThat(applicationStatus(email)).isEqualTo("UNCONFIRMED");
		byte[] sealed = this.jdbc.sql("select name_sealed from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ana");
		this.mvc
			.perform(post("/campaigns/" + this.slug + "/lead/confirm/" + token(this.mail.last(email, "leader-confirm")))
				.with(csrf()))
			.andExpect(status().isOk());
		String list = html(get("/admin/leaders").with(Staff.admin()), 200);
		assertThat(list).contains("Ana &lt;script&gt;alert(1)&lt;/script&gt; ✊🏽 مرحبا", "&#39; OR 1=1 --", "שלום 🙂")
			.doesNotContain(SCRIPT);
		assertThat(AccessibleHtml.problems(list)).isEmpty();
	}

	/** How many requests the staff home says wait for staff. */
	long waitingOnTheStaffHome() throws Exception {
		String page = html(get("/admin").with(Staff.admin()), 200);
		Matcher count = Pattern
			.compile("(?s)<h3><a href=\"/admin/leaders\">[^<]+</a></h3>\\s*<p><span class=\"[^\"]+\">([^<]+)</span>")
			.matcher(page);
		assertThat(count.find()).as(page).isTrue();
		String text = count.group(1);
		return text.startsWith("Nothing") ? 0 : Long.parseLong(text.substring(0, text.indexOf(' ')));
	}

	@Test
	void applyConfirmApproveMakesTheApplicantALeader() throws Exception {
		long waiting = waitingOnTheStaffHome();
		String email = SignedIn.newEmail();
		this.mvc.perform(apply(valid(email), "es")).andExpect(status().is3xxRedirection());
		String sent = html(get("/campaigns/" + this.slug + "/lead/sent").header("Accept-Language", "es"), 200);
		assertThat(sent).contains("Revise su correo");
		assertThat(AccessibleHtml.problems(sent)).isEmpty();

		QueuedMail.Message confirmation = this.mail.last(email, "leader-confirm");
		assertThat(confirmation.language()).isEqualTo("es");
		assertThat(confirmation.body()).contains("Gracias por ofrecerse a dirigir la campaña sobre Test Campaign");
		String token = token(confirmation);

		// A mail scanner that opens the link confirms nothing.
		String button = html(get("/campaigns/" + this.slug + "/lead/confirm/" + token).header("Accept-Language", "es"),
				200);
		assertThat(button).contains("Confirmar mi solicitud");
		assertThat(AccessibleHtml.problems(button)).isEmpty();
		assertThat(applicationStatus(email)).isEqualTo("UNCONFIRMED");
		// Without the CSRF token, neither.
		this.mvc.perform(post("/campaigns/" + this.slug + "/lead/confirm/" + token)).andExpect(status().isForbidden());
		assertThat(applicationStatus(email)).isEqualTo("UNCONFIRMED");

		String confirmed = html(
				post("/campaigns/" + this.slug + "/lead/confirm/" + token).with(csrf()).header("Accept-Language", "es"),
				200);
		assertThat(confirmed).contains("Su solicitud para dirigir la campaña");
		assertThat(applicationStatus(email)).isEqualTo("PENDING");
		// Twice: the same answer, nothing changes.
		html(post("/campaigns/" + this.slug + "/lead/confirm/" + token).with(csrf()), 200);
		assertThat(applicationStatus(email)).isEqualTo("PENDING");
		assertThat(waitingOnTheStaffHome()).isEqualTo(waiting + 1);

		long audits = this.jdbc.sql("select count(*) from audit_log where action = 'personal-data.read'")
			.query(Long.class)
			.single();
		String list = html(get("/admin/leaders").with(Staff.admin()).header("Accept-Language", "es"), 200);
		assertThat(list).contains("Ana María López", "28052", "Mi familia vive aquí.", "Aprobar a Ana María López");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'personal-data.read'")
			.query(Long.class)
			.single()).isEqualTo(audits + 1);

		long id = this.jdbc.sql("select id from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(Long.class)
			.single();
		this.mvc.perform(post("/admin/leaders/" + id + "/approve").with(Staff.admin()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/leaders/" + id + "/approve").with(Staff.admin()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/leaders"));
		assertThat(applicationStatus(email)).isEqualTo("APPROVED");
		assertThat(waitingOnTheStaffHome()).isEqualTo(waiting);
		String account = this.jdbc.sql("select account_id from leader_applications where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(account).isEqualTo(this.accounts.idOf(email).orElseThrow());
		assertThat(this.permissions.leads(
				new UsernamePasswordAuthenticationToken(account, null, AuthorityUtils.NO_AUTHORITIES), this.campaign))
			.isTrue();
		// one mail, which greets the new leader and signs them in on the dashboard
		assertThat(this.mail.to(email, "invitation")).isEmpty();
		QueuedMail.Message approved = this.mail.last(email, "leader-approved");
		assertThat(approved.language()).isEqualTo("es");
		assertThat(approved.body()).startsWith("Hola, Ana María López:")
			.contains("/leader/campaigns/" + this.campaign, "Funciona una vez, durante 3 días:");
		assertThat(approved.body()).contains(approved.link() + "&next=/leader/campaigns/" + this.campaign);
		this.mvc.perform(get("/leader/campaigns/" + this.campaign).with(user(account).roles("LEADER")))
			.andExpect(status().isOk());
		// The public page names the new leader by first name and initial only.
		String page = html(get("/campaigns/" + this.slug), 200);
		assertThat(page).contains("This campaign is led by Ana L.", "Led by Ana L.").doesNotContain("López");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		// Deciding again changes nothing.
		this.mvc.perform(post("/admin/leaders/" + id + "/decline").with(Staff.admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(applicationStatus(email)).isEqualTo("APPROVED");
		assertThat(this.mail.to(email, "leader-declined")).isEmpty();
		assertThat(this.jdbc
			.sql("select action from audit_log where subject = ? and action like 'leader-application.%' order by id")
			.param(Long.toString(id))
			.query(String.class)
			.list())
			.containsExactly("leader-application.create", "leader-application.confirm", "leader-application.approve");
	}

	@Test
	void aDeclinedApplicantGetsAKindNote() throws Exception {
		String email = SignedIn.newEmail();
		this.mvc.perform(apply(valid(email), "en")).andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/campaigns/" + this.slug + "/lead/confirm/" + token(this.mail.last(email, "leader-confirm")))
				.with(csrf()))
			.andExpect(status().isOk());
		long id = this.jdbc.sql("select id from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(Long.class)
			.single();
		this.mvc.perform(post("/admin/leaders/" + id + "/decline").with(Staff.admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(applicationStatus(email)).isEqualTo("DECLINED");
		assertThat(this.mail.last(email, "leader-declined").body()).contains("It is not about you");
		assertThat(this.accounts.idOf(email)).isEmpty();
		assertThat(html(get("/campaigns/" + this.slug), 200)).contains("This campaign needs a leader");
	}

	@Test
	void aSecondRequestFromTheSameAddressGetsTheSameAnswer() throws Exception {
		String email = SignedIn.newEmail();
		this.mvc.perform(apply(valid(email), "en")).andExpect(redirectedUrl("/campaigns/" + this.slug + "/lead/sent"));
		Map<String, String> again = valid(email.toUpperCase());
		again.put("name", "Someone Else");
		this.mvc.perform(apply(again, "en")).andExpect(redirectedUrl("/campaigns/" + this.slug + "/lead/sent"));
		assertThat(this.jdbc.sql("select count(*) from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(Long.class)
			.single()).isEqualTo(1);
		// unconfirmed: the link comes again
		List<QueuedMail.Message> links = this.mail.to(email, "leader-confirm");
		assertThat(links).hasSize(2);
		this.mvc.perform(post("/campaigns/" + this.slug + "/lead/confirm/" + token(links.get(1))).with(csrf()))
			.andExpect(status().isOk());
		// confirmed: the same page, no more mail
		this.mvc.perform(apply(valid(email), "en")).andExpect(redirectedUrl("/campaigns/" + this.slug + "/lead/sent"));
		assertThat(this.mail.to(email, "leader-confirm")).hasSize(2);
		assertThat(applicationStatus(email)).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("select count(*) from leader_applications where campaign_id = ?")
			.param(this.campaign)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void forgedOrForeignTokensConfirmNothing() throws Exception {
		for (String token : new String[] { "x", "' OR 1=1 --", "a".repeat(2_000), "abc.def-ghi_jkl" }) {
			String page = html(post("/campaigns/" + this.slug + "/lead/confirm/" + token).with(csrf())
				.header("Accept-Language", "es"), 404);
			assertThat(page).contains("Este enlace no funciona");
			html(get("/campaigns/" + this.slug + "/lead/confirm/" + token), 404);
		}
		this.mvc.perform(get("/campaigns/nc-nobody-here/lead")).andExpect(status().isNotFound());
		this.mvc.perform(post("/campaigns/nc-nobody-here/lead").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsReviewRequests() throws Exception {
		this.mvc.perform(get("/admin/leaders")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/leaders").with(user("someone").roles("LEADER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/leaders").with(Staff.adminWithoutPasskey())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/leaders/1/approve").with(Staff.organizer()).with(csrf()))
			.andExpect(status().isForbidden());
		for (String id : new String[] { "' OR 1=1 --", "-1", "9".repeat(30) }) {
			this.mvc.perform(post("/admin/leaders/{id}/approve", id).with(Staff.admin()).with(csrf()))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void myDataShowsAndForgetsTheRequests() throws Exception {
		String email = SignedIn.newEmail();
		this.mvc.perform(apply(valid(email), "en")).andExpect(status().is3xxRedirection());
		Map<String, Object> held = this.applications.describe(this.index.ofEmail(email));
		assertThat(held.get("applications")).asList()
			.singleElement()
			.asString()
			.contains("Ana María López", "28052", "704-555-0100", "UNCONFIRMED");
		assertThat(this.applications.describe(this.index.ofEmail(SignedIn.newEmail()))).isEmpty();
		this.applications.forget(this.index.ofEmail(email));
		assertThat(this.jdbc.sql("select count(*) from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(Long.class)
			.single()).isZero();
	}

}
