package org.end287g.coalitions.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.SignedLinks;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organization signs a letter through a link mailed to an address at its verified
 * website's domain: whoever asks names the organization and the address, the link (over
 * real SMTP, in the asker's language) signs for that organization only, once; a forged,
 * tampered or expired link, an unverified organization or an address at another domain
 * signs nothing.
 */
class LetterByEmailTests extends CoalitionsTestSupport {

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
	ApplicationContext context;

	@Autowired
	SignedLinks links;

	@Autowired
	MessageSource messages;

	String page(RequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	void website(long organization, String website, boolean verified) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into organization_pages (organization_id, website, verified_at, verified_how, verified_by,
				updated_at, updated_by) values (?, ?, ?, ?, ?, ?, 'test')""")
			.params(organization, website, verified ? now : null, verified ? "STAFF" : null, verified ? "test" : null,
					now)
			.update();
	}

	MockHttpServletRequestBuilder ask(String slug, Object organization, String email) {
		return post("/letters/" + slug + "/by-email").with(csrf())
			.param("organization", organization.toString())
			.param("email", email);
	}

	long mails() {
		return this.jdbc.sql("select count(*) from mail_outbox where template = 'letter-sign-link'")
			.query(Long.class)
			.single();
	}

	/** The sign page's address from the mail to this address. */
	String linkIn(String email) throws Exception {
		MimeMessage mail = TestSmtp.receivedBy(smtp, this.context, email);
		String text = (String) mail.getContent();
		String line = text.lines().filter((l) -> l.contains("/letters/sign-by-email?token=")).findFirst().orElseThrow();
		return line.substring(line.indexOf("/letters/sign-by-email")).strip();
	}

	MockHttpServletRequestBuilder sign(String token, String name, String title) {
		return post("/letters/sign-by-email").with(csrf())
			.param("token", token)
			.param("signerName", name)
			.param("signerTitle", title);
	}

	@Test
	void anOrganizationSignsOnceThroughALinkMailedToItsDomain() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		long campaign = gaston().id();
		String slug = openLetter(campaign, "End 287(g) now");
		long letter = this.jdbc.sql("select id from letters where slug = ?").param(slug).query(Long.class).single();
		long casa = organization("Casa Esperanza");
		long unverified = organization("Nueva Voz");
		long other = organization("Otra Casa");
		website(casa, "https://www.casa-esperanza.org/about", true);
		website(unverified, "https://nuevavoz.org", false);
		website(other, "https://otra.org", true);

		String letterPage = page(get("/letters/" + slug), 200);
		assertThat(letterPage).contains("href=\"/letters/" + slug + "/by-email\"",
				"Sign by e-mail, without an account");
		String form = page(get("/letters/" + slug + "/by-email"), 200);
		assertThat(form).contains("Sign for your organisation by e-mail", "casa-esperanza.org", "otra.org")
			.doesNotContain("Nueva Voz");
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		assertThat(page(get("/letters/" + slug + "/by-email?lang=es"), 200))
			.contains("Firme por su organización por correo");

		// empty, huge, malformed, hostile, another domain, a look-alike domain, an
		// unverified or unknown organization: refused with a clear error, nothing mailed
		long before = mails();
		String[][] bad = { { Long.toString(casa), "" },
				{ Long.toString(casa), "a".repeat(300) + "@casa-esperanza.org" },
				{ Long.toString(casa), "not-an-address" }, { Long.toString(casa), "<script>@casa-esperanza.org" },
				{ Long.toString(casa), "ana@gmail.com" }, { Long.toString(casa), "ana@casa-esperanza.org.evil.com" },
				{ Long.toString(unverified), "ana@nuevavoz.org" }, { "", "ana@casa-esperanza.org" },
				{ "abc", "ana@casa-esperanza.org" }, { "99999999999", "ana@casa-esperanza.org" } };
		for (String[] input : bad) {
			assertThat(page(ask(slug, input[0], input[1]), 400)).contains("field-error");
		}
		assertThat(page(ask(slug, casa, "ana@gmail.com"), 400))
			.contains("Give an address at casa-esperanza.org, the domain of the organisation");
		assertThat(page(ask(slug, casa, "ana@gmail.com").param("lang", "es"), 400))
			.contains("Dé una dirección de casa-esperanza.org");
		assertThat(mails()).isEqualTo(before);
		assertThat(audits("letter.sign.link", "letter:" + letter)).isZero();

		this.mvc.perform(ask(slug, casa, " Director@Casa-Esperanza.org ")).andExpect(status().is3xxRedirection());
		assertThat(mails()).isEqualTo(before + 1);
		assertThat(audits("letter.sign.link", "letter:" + letter)).isOne();
		String path = linkIn("director@casa-esperanza.org");
		String token = path.substring(path.indexOf("token=") + 6);

		String signPage = page(get(path), 200);
		assertThat(signPage).contains("Sign for Casa Esperanza", "End 287(g) now");
		assertThat(AccessibleHtml.problems(signPage)).isEmpty();
		// empty, huge and hostile names save nothing, with translated errors
		assertThat(page(sign(token, "", "Director"), 400)).contains("field-error");
		assertThat(page(sign(token, "", "").param("lang", "es"), 400)).contains("field-error");
		assertThat(page(sign(token, "x".repeat(201), ""), 400)).contains("field-error");
		assertThat(page(sign(token, "Ana\u0000López", ""), 400)).contains("field-error");
		assertThat(page(sign(token, "Ana", "t".repeat(201)), 400)).contains("field-error");
		assertThat(signatures()).isZero();

		// the organization is the link's: a value slipped into the form changes nothing
		this.mvc.perform(sign(token, "Ana López", "Director").param("organization", Long.toString(other)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select organization_id from letter_signatures").query(Long.class).single())
			.isEqualTo(casa);
		assertThat(audits("letter.sign", "letter:" + letter)).isOne();
		assertThat(audits("letter.sign.mail", "letter:" + letter)).isOne();
		assertThat(page(get("/letters/" + slug), 200)).contains("1 organisation has signed", "Ana López, Director");

		// a second signature of the same organization is refused, in both languages
		assertThat(page(sign(token, "Otra Persona", ""), 400)).contains("Your organisation has already signed");
		assertThat(page(sign(token, "Otra Persona", "").param("lang", "es"), 400)).contains("ya firmó");
		assertThat(page(ask(slug, casa, "ana@casa-esperanza.org"), 400)).contains("field-error");
		assertThat(signatures()).isOne();

		// tampered, forged for another purpose, expired, for an unverified organization
		String payload = letter + ":" + other + ":otra.org";
		for (String forged : new String[] { token + "x", "", "abc",
				this.links.sign("organization-verify", payload, Duration.ofDays(1)),
				this.links.sign("letter-sign", payload, Duration.ofSeconds(-60)),
				this.links.sign("letter-sign", letter + ":" + unverified + ":nuevavoz.org", Duration.ofDays(1)),
				this.links.sign("letter-sign", letter + ":" + other + ":evil.org", Duration.ofDays(1)) }) {
			assertThat(page(get("/letters/sign-by-email").param("token", forged), 404))
				.contains("This link does not work");
			this.mvc.perform(sign(forged, "Mallory", "")).andExpect(status().isNotFound());
		}
		assertThat(page(get("/letters/sign-by-email").param("token", token + "x").param("lang", "es"), 404))
			.contains("Este enlace no funciona");
		// a genuine link of a verified organization stops working when it loses its
		// verification
		String otherToken = this.links.sign("letter-sign", payload, Duration.ofDays(1));
		this.jdbc.sql("update organization_pages set verified_at = null, verified_how = null where organization_id = ?")
			.param(other)
			.update();
		this.mvc.perform(sign(otherToken, "Mallory", "")).andExpect(status().isNotFound());
		assertThat(signatures()).isOne();
	}

	@Test
	void theLinkIsMailedInTheAskersLanguageAndLimitedPerAddress() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		String slug = openLetter(gaston().id(), "Stop 287(g)");
		long casa = organization("Casa Esperanza");
		website(casa, "https://casa-esperanza.org", true);
		this.mvc.perform(ask(slug, casa, "es@casa-esperanza.org").param("lang", "es"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "coalitions.byEmail.sent"))
			.andExpect(flash().attribute("noticeArgs", "casa-esperanza.org"));
		MimeMessage mail = TestSmtp.receivedBy(smtp, this.context, "es@casa-esperanza.org");
		assertThat(mail.getSubject()).startsWith("Firmar una carta por Casa Esperanza");
		assertThat((String) mail.getContent()).contains("Para firmar, abra este enlace");
		assertThat(this.messages.getMessage("coalitions.byEmail.sent", new Object[] { "casa-esperanza.org" },
				Locale.forLanguageTag("es")))
			.isEqualTo("Enviamos un enlace a la dirección de casa-esperanza.org. Funciona durante 7 días.");
		for (int n = 0; n < 2; n++) {
			this.mvc.perform(ask(slug, casa, "many@casa-esperanza.org")).andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(ask(slug, casa, "many@casa-esperanza.org")).andExpect(status().is3xxRedirection());
		this.mvc.perform(ask(slug, casa, "many@casa-esperanza.org")).andExpect(status().isTooManyRequests());
		// a letter titled like the link's page gets another address
		assertThat(slug(draft(gaston().id(), leaderOf(gaston().id()), "Sign by e-mail"))).isEqualTo("sign-by-e-mail");
		assertThat(slug(draft(gaston().id(), leaderOf(gaston().id()), "Sign by email"))).isEqualTo("sign-by-email-2");
		// a leader's page of the open letter links to the form
		long id = this.jdbc.sql("select id from letters where slug = ?").param(slug).query(Long.class).single();
		assertThat(
				page(get("/leader/campaigns/" + gaston().id() + "/letters/" + id).with(leaderOf(gaston().id())), 200))
			.contains("href=\"/letters/" + slug + "/by-email\"");
	}

}
