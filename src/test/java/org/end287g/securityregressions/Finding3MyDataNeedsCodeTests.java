package org.end287g.securityregressions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.TestClock;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Finding 3 of the security review (issue 13): "The "my data" link in every mail is a
 * 30-day bearer link that shows, exports and deletes everything about the person with no
 * second check; a forwarded confirmation mail is enough."
 * <p>
 * Replays it with nothing but what a forwarded mail gives: the link mailed by
 * {@code POST /my-data}. With it, {@code GET /my-data/{token}/export.json}, {@code POST
 * /my-data/{token}/export} and {@code POST /my-data/{token}/delete} must give nothing
 * away and delete nothing; only a code mailed to the address at that moment ({@code POST
 * /my-data/{token}/export/code}, {@code .../delete/code}) opens them, once, for minutes,
 * with a few tries; and the link itself lives days, not a month. Time is a test clock the
 * application reads.
 */
@SpringBootTest(properties = "end287g.site.base-url=https://end287g.example/")
@AutoConfigureMockMvc
@Import(Finding3MyDataNeedsCodeTests.Clocks.class)
class Finding3MyDataNeedsCodeTests {

	private static final Pattern LINK = Pattern
		.compile("https://end287g\\.example(/my-data/[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+)");

	/** The code stands alone on its line of the mail. */
	private static final Pattern CODE = Pattern.compile("(?m)^\\s*([0-9]{4} ?[0-9]{4})\\s*$");

	private static final Duration LINK_LIFETIME = Duration.ofDays(7);

	private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock movingClock() {
			return new TestClock();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	Supporters supporters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	MessageSource messages;

	@Test
	void theMailedLinkAloneNeitherExportsNorDeletesAndLivesDaysNotAMonth() throws Exception {
		String email = newEmail();
		String name = "Itzel " + UUID.randomUUID().toString().substring(0, 6);
		this.supporters.hold(
				this.supporters
					.register(new SupporterDetails(email, name, "28710", "704-555-0199", Locale.forLanguageTag("es"))),
				"campaign:3001");
		String page = mailedLink(email);

		String expiry = page.substring("/my-data/".length()).split("\\.")[1];
		assertThat(Instant.ofEpochSecond(Long.parseLong(expiry))).as("the link lives days, not a month")
			.isBeforeOrEqualTo(this.clock.instant().plus(LINK_LIFETIME));

		// the link shows what is kept...
		String shown = body(this.mvc.perform(get(page)).andReturn().getResponse(), 200);
		assertThat(shown).contains(email).contains(escaped(name));
		assertThat(AccessibleHtml.problems(shown)).isEmpty();

		// ...but downloads nothing and deletes nothing
		MockHttpServletResponse json = this.mvc.perform(get(page + "/export.json")).andReturn().getResponse();
		assertThat(json.getStatus()).isNotEqualTo(200);
		assertThat(json.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(email).doesNotContain(name);
		for (String action : List.of("export", "delete")) {
			for (MockHttpServletRequestBuilder attempt : List.of(post(page + "/" + action).with(csrf()),
					post(page + "/" + action).param("code", "").with(csrf()),
					post(page + "/" + action).param("code", "12345678").with(csrf()))) {
				MockHttpServletResponse refused = this.mvc.perform(attempt).andReturn().getResponse();
				assertThat(refused.getStatus()).as(action).isEqualTo(400);
				assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(email)
					.doesNotContain(name);
			}
		}
		assertThat(this.supporters.findByEmail(email)).as("nothing deleted without a code").isPresent();
		assertThat(audits("personal-data.export", email) + audits("personal-data.delete", email)).isZero();

		// the link stops working once its days are over, with a way to ask for a new one
		this.clock.advance(LINK_LIFETIME.plusMinutes(1));
		for (String language : List.of("en", "es")) {
			String expired = body(
					this.mvc.perform(get(page).header("Accept-Language", language)).andReturn().getResponse(), 404);
			assertThat(expired).contains(escaped(text("mydata.invalid.title", language)))
				.contains("href=\"/my-data\"")
				.doesNotContain(email);
			assertThat(AccessibleHtml.problems(expired)).isEmpty();
		}
		this.mvc.perform(post(page + "/export/code").with(csrf())).andReturn();
		assertThat(new QueuedMail(this.jdbc, this.cipher, this.index).to(email, "my-data-code"))
			.as("an expired link gets no code")
			.isEmpty();
	}

	@Test
	void aCodeMailedAtThatMomentDownloadsOnceWithinMinutes() throws Exception {
		String email = newEmail();
		this.supporters.hold(this.supporters.register(new SupporterDetails(email, "Rosa Díaz", null, null, null)),
				"event:3002");
		String page = mailedLink(email);

		assertThat(this.mvc.perform(post(page + "/export/code")).andReturn().getResponse().getStatus())
			.as("no CSRF token, no code")
			.isEqualTo(403);
		String code = requestCode(page, "export", email);

		// a wrong code is refused, in the person's language, and downloads nothing
		String wrong = body(this.mvc
			.perform(post(page + "/export").param("code", otherThan(code)).header("Accept-Language", "es").with(csrf()))
			.andReturn()
			.getResponse(), 400);
		assertThat(wrong).contains(escaped(text("mydata.code.error.wrong", "es"))).doesNotContain(email);
		assertThat(AccessibleHtml.problems(wrong)).isEmpty();

		// the right code downloads, once
		MockHttpServletResponse download = this.mvc
			.perform(post(page + "/export").param("code", code.replace(" ", "")).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).startsWith("application/json");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(download.getContentAsString(StandardCharsets.UTF_8)).contains(email).contains("Rosa Díaz");
		assertThat(audits("personal-data.export", email)).isEqualTo(1);

		String reused = body(
				this.mvc.perform(post(page + "/export").param("code", code).with(csrf())).andReturn().getResponse(),
				400);
		assertThat(reused).contains(escaped(text("mydata.code.error.used", "en"))).doesNotContain(email);
		assertThat(audits("personal-data.export", email)).isEqualTo(1);

		// a code is valid for minutes
		String late = requestCode(page, "export", email);
		this.clock.advance(CODE_LIFETIME.plusSeconds(1));
		String expired = body(
				this.mvc.perform(post(page + "/export").param("code", late).with(csrf())).andReturn().getResponse(),
				400);
		assertThat(expired).contains(escaped(text("mydata.code.error.expired", "en"))).doesNotContain(email);
		assertThat(audits("personal-data.export", email)).isEqualTo(1);

		// a code for downloading does not delete
		String forExport = requestCode(page, "export", email);
		assertThat(this.mvc.perform(post(page + "/delete").param("code", forExport).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(this.supporters.findByEmail(email)).isPresent();

		// the database keeps no code, only a keyed hash
		List<Map<String, Object>> rows = this.jdbc.sql("SELECT * FROM my_data_codes").query().listOfRows();
		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			assertThat(row.values().toString()).doesNotContain(forExport.replace(" ", ""))
				.doesNotContain(this.index.ofEmail(email));
		}
	}

	@Test
	void aFewWrongTriesVoidTheCodeAndTheRightCodeDeletesOnce() throws Exception {
		String email = newEmail();
		this.supporters.hold(this.supporters.register(new SupporterDetails(email, "Luz", "28710", null, null)),
				"campaign:3003");
		String page = mailedLink(email);

		String guessed = requestCode(page, "delete", email);
		for (int i = 0; i < 5; i++) {
			body(this.mvc.perform(post(page + "/delete").param("code", otherThan(guessed)).with(csrf()))
				.andReturn()
				.getResponse(), 400);
		}
		String tooMany = body(
				this.mvc.perform(post(page + "/delete").param("code", guessed).with(csrf())).andReturn().getResponse(),
				400);
		assertThat(tooMany).contains(escaped(text("mydata.code.error.tooMany", "en")));
		assertThat(this.supporters.findByEmail(email)).as("the right code after too many wrong ones").isPresent();

		String code = requestCode(page, "delete", email);
		MockHttpServletResponse deleted = this.mvc.perform(post(page + "/delete").param("code", code).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(deleted.getStatus()).isEqualTo(303);
		assertThat(deleted.getRedirectedUrl()).isEqualTo("/my-data/deleted");
		assertThat(this.supporters.findByEmail(email)).isEmpty();
		assertThat(audits("personal-data.delete", email)).isEqualTo(1);

		assertThat(this.mvc.perform(post(page + "/delete").param("code", code).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).as("a code works once").isEqualTo(400);
		assertThat(audits("personal-data.delete", email)).isEqualTo(1);
	}

	// --- helpers ---

	/** Asks for a link on the public form; the path of the link mailed. */
	private String mailedLink(String email) throws Exception {
		MockHttpServletResponse asked = this.mvc
			.perform(post("/my-data").param("email", email).with(SignedIn.from(SignedIn.newAddress())).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(asked.getRedirectedUrl()).isEqualTo("/my-data/link-sent");
		Matcher link = LINK
			.matcher(new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "my-data-link").body());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	/** Presses "send me a code" on the action's page; the code mailed. */
	private String requestCode(String page, String action, String email) throws Exception {
		int before = new QueuedMail(this.jdbc, this.cipher, this.index).to(email, "my-data-code").size();
		MockHttpServletResponse sent = this.mvc
			.perform(post(page + "/" + action + "/code").with(SignedIn.from(SignedIn.newAddress())).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).isEqualTo(303);
		assertThat(sent.getRedirectedUrl()).startsWith(page + "/" + action);
		String form = body(this.mvc.perform(get(sent.getRedirectedUrl())).andReturn().getResponse(), 200);
		assertThat(form).contains("name=\"code\"").contains("name=\"_csrf\"").contains("method=\"post\"");
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		List<QueuedMail.Message> mails = new QueuedMail(this.jdbc, this.cipher, this.index).to(email, "my-data-code");
		assertThat(mails).hasSize(before + 1);
		Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
		assertThat(code.find()).as(mails.get(mails.size() - 1).body()).isTrue();
		return code.group(1);
	}

	private String body(MockHttpServletResponse response, int status) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		return body;
	}

	private long audits(String action, String email) {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, this.index.ofEmail(email).substring(0, 8))
			.query(Long.class)
			.single();
	}

	private String text(String code, String language) {
		return this.messages.getMessage(code, new Object[] { 10 }, Locale.forLanguageTag(language));
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String otherThan(String code) {
		String digits = code.replace(" ", "");
		char last = digits.charAt(digits.length() - 1);
		return digits.substring(0, digits.length() - 1) + ((last == '9') ? '0' : (char) (last + 1));
	}

	private static String newEmail() {
		return "finding3-" + UUID.randomUUID() + "@example.org";
	}

}
