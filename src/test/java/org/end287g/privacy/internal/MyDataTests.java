package org.end287g.privacy.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.end287g.accounts.QueuedMail;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.MyDataPages;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.PersonalDataLinkRequested;
import org.end287g.privacy.SignedLinks;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.SupporterForgotten;
import org.end287g.privacy.Supporters;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "end287g.site.base-url=https://end287g.example/")
@AutoConfigureMockMvc
@RecordApplicationEvents
class MyDataTests {

	static final String PURPOSE = MyDataPages.PURPOSE;

	@Autowired
	MockMvc mvc;

	@Autowired
	Supporters supporters;

	@Autowired
	SignedLinks links;

	@Autowired
	BlindIndex index;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	List<PersonalDataHolder> holders;

	@Autowired
	MyData myData;

	@Autowired
	ApplicationEvents events;

	@Autowired
	PersonalDataCipher cipher;

	// --- the page, the download, the deletion ---

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void thePageShowsEverySectionWithWhatEachFieldIsFor(String language) throws Exception {
		String email = SupportersTests.uniqueEmail();
		long id = this.supporters
			.register(new SupporterDetails(email, "Rosa <b>Parks</b>", "28052", null, Locale.forLanguageTag("es")));
		this.supporters.hold(id, "campaign:12");
		String html = page(get("/my-data/" + token(email)), language).andExpect(status().isOk())
			.andExpect(header().string("X-Robots-Tag", "noindex, nofollow"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Locale locale = Locale.forLanguageTag(language);
		assertThat(html).contains("<html lang=\"" + language + "\"")
			.contains(email)
			.contains("Rosa &lt;b&gt;Parks&lt;/b&gt;")
			.doesNotContain("<b>Parks")
			.contains("28052")
			.contains("campaign:12")
			.contains(text("mydata.section.supporter", locale))
			.contains(text("mydata.field.supporter.zip.why", locale))
			.contains(text("mydata.field.supporter.phone", locale))
			.contains(text("mydata.value.none", locale))
			.contains(this.messages.getMessage("mydata.field.supporter.heldFor.why", new Object[] { 180 }, locale))
			.contains("/export\"")
			.doesNotContain("export.json")
			.contains("/delete\"")
			.doesNotContain("??");
		for (PersonalDataHolder holder : this.holders) {
			assertThat(html).contains(
					this.messages.getMessage("mydata.section." + holder.section(), null, holder.section(), locale));
		}
		assertThat(AccessibleHtml.problems(html)).isEmpty();
	}

	@Test
	void theDownloadIsJsonAttachedNotCachedAndAudited() throws Exception {
		String email = SupportersTests.uniqueEmail();
		long id = this.supporters
			.register(new SupporterDetails(email, "Ana Díaz", null, "919-555-0100", Locale.forLanguageTag("es")));
		this.supporters.hold(id, "event:7");
		String emailIndex = this.index.ofEmail(email);
		String token = token(email);
		String page = page(get("/my-data/" + token + "/export"), "es").andExpect(status().isOk())
			.andExpect(header().string("X-Robots-Tag", "noindex, nofollow"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(text("mydata.export.title", Locale.forLanguageTag("es")))
			.contains("/my-data/" + token + "/export/code\"")
			.contains("name=\"code\"")
			.contains("autocomplete=\"one-time-code\"")
			.doesNotContain(email);
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(this.myDataPages().code(token, "export", email)).hasSize(8);
		String mail = new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "my-data-code").body();
		assertThat(mail).contains("Here is the code to download", "for 10 minutes").doesNotContain("code to delete");

		this.myDataPages()
			.export(token, email)
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"end287g-my-data.json\""))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.exportedAt").isString())
			.andExpect(jsonPath("$.sections.supporter.email").value(email))
			.andExpect(jsonPath("$.sections.supporter.name").value("Ana Díaz"))
			.andExpect(jsonPath("$.sections.supporter.phone").value("919-555-0100"))
			.andExpect(jsonPath("$.sections.supporter.zip").value(nullValue()))
			.andExpect(jsonPath("$.sections.supporter.language").value("es"))
			.andExpect(jsonPath("$.sections.supporter.heldFor[0].holder").value("event:7"))
			.andExpect(jsonPath("$.sections.supporter.heldFor[0].endedAt").value(nullValue()));
		List<Map<String, Object>> audit = this.jdbc
			.sql("SELECT actor, subject, details FROM audit_log WHERE action = 'personal-data.export' AND subject = ?")
			.param(emailIndex.substring(0, 8))
			.query()
			.listOfRows();
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("actor", "supporter").containsEntry("details", null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ? OR details LIKE ?")
			.params(emailIndex, "%" + email + "%")
			.query(Long.class)
			.single()).as("the audit log never holds the address or its whole index").isZero();
	}

	@Test
	void deletingAsksFirstThenRemovesEverythingFromEveryHolderAndASecondDeleteIsHarmless() throws Exception {
		String email = SupportersTests.uniqueEmail();
		long id = this.supporters.register(new SupporterDetails(email, "Luz", "28052", null, Locale.ENGLISH));
		this.supporters.hold(id, "campaign:3");
		String emailIndex = this.index.ofEmail(email);
		String token = token(email);

		String confirm = page(get("/my-data/" + token + "/delete"), "es").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(confirm).contains(text("mydata.delete.submit", Locale.forLanguageTag("es")))
			.contains(text("mydata.delete.final", Locale.forLanguageTag("es")))
			.contains("method=\"post\"")
			.contains("name=\"_csrf\"");
		assertThat(AccessibleHtml.problems(confirm)).isEmpty();
		assertThat(this.supporters.findByEmail(email)).as("the confirmation page deletes nothing").isPresent();

		String code = this.myDataPages().code(token, "delete", email);
		assertThat(new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "my-data-code").body())
			.contains("Here is the code to delete everything");
		this.mvc.perform(post("/my-data/" + token + "/delete").param("code", code)).andExpect(status().isForbidden());
		assertThat(this.supporters.findByEmail(email)).as("no CSRF token, nothing deleted").isPresent();

		String pseudonym = this.supporters.pseudonym(id, "campaign:3");
		this.mvc.perform(post("/my-data/" + token + "/delete").param("code", code).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/my-data/deleted"));
		assertThat(this.supporters.findByEmail(email)).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM supporter_holds WHERE supporter_key = ?")
			.param(pseudonym)
			.query(Long.class)
			.single()).isZero();
		for (PersonalDataHolder holder : this.holders) {
			assertThat(holder.describe(emailIndex)).as(holder.section()).isEmpty();
		}
		assertThat(this.events.stream(SupporterForgotten.class))
			.containsExactly(new SupporterForgotten(id, emailIndex, Map.of("campaign:3", pseudonym)));
		assertThat(auditCount("personal-data.delete", emailIndex)).isEqualTo(1);

		String done = page(get("/my-data/deleted"), "en").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(done).contains(text("mydata.deleted.title", Locale.ENGLISH));
		assertThat(AccessibleHtml.problems(done)).isEmpty();

		// the same link again: no address left to send a code to, the code used, nothing
		// fails
		String nothing = this.mvc.perform(post("/my-data/" + token + "/delete/code").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(nothing).contains(text("mydata.page.nothing", Locale.ENGLISH)).doesNotContain("name=\"code\"");
		this.mvc.perform(post("/my-data/" + token + "/delete").param("code", code).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.events.stream(SupporterForgotten.class)).hasSize(1);
		String empty = page(get("/my-data/" + token), "en").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(empty).contains(text("mydata.page.nothing", Locale.ENGLISH)).doesNotContain(email);
	}

	@Test
	void whenOneHolderFailsNothingIsDeletedAnywhere() {
		String email = SupportersTests.uniqueEmail();
		this.supporters.register(SupporterDetails.of(email, Locale.ENGLISH));
		String emailIndex = this.index.ofEmail(email);
		FailingHolder.POISONED.add(emailIndex);
		try {
			assertThatIllegalStateException().isThrownBy(() -> this.myData.forget(emailIndex));
		}
		finally {
			FailingHolder.POISONED.remove(emailIndex);
		}
		assertThat(this.supporters.findByEmail(email)).isPresent();
		assertThat(auditCount("personal-data.delete", emailIndex)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void forgedExpiredAndOtherPurposeLinksAreRefusedWithAWayToAskForANewOne(String language) throws Exception {
		String email = SupportersTests.uniqueEmail();
		this.supporters.register(new SupporterDetails(email, "Rosa", null, null, Locale.ENGLISH));
		String emailIndex = this.index.ofEmail(email);
		String genuine = token(email);
		String other = this.index.ofEmail(SupportersTests.uniqueEmail());
		// one character of the payload changed, the rest of the genuine token kept
		String forged = ((genuine.charAt(0) == 'A') ? "B" : "A") + genuine.substring(1);
		List<String> bad = List.of(this.links.sign(PURPOSE, emailIndex, Duration.ofSeconds(-1)),
				this.links.sign("unsubscribe", emailIndex, Duration.ofDays(30)),
				// a link of before codes were needed
				this.links.sign("my-data", emailIndex, Duration.ofDays(30)),
				this.links.sign(PURPOSE, other, Duration.ofDays(30)).replaceFirst("\\.[^.]*$", "")
						+ genuine.substring(genuine.lastIndexOf('.')),
				forged, "not-a-token", "x".repeat(5000), "<img src=x onerror=alert(1)>", "' OR 1=1 --");
		Locale locale = Locale.forLanguageTag(language);
		for (String token : bad) {
			this.mvc.perform(get("/my-data/{t}/export.json", token))
				.andExpect(status().isSeeOther())
				.andExpect(
						redirectedUrl(org.springframework.web.util.UriComponentsBuilder.fromPath("/my-data/{t}/export")
							.buildAndExpand(token)
							.encode()
							.toUriString()));
			for (String path : List.of("/my-data/{t}", "/my-data/{t}/delete", "/my-data/{t}/export")) {
				String html = page(get(path, token), language).andExpect(status().isNotFound())
					.andExpect(content().contentTypeCompatibleWith("text/html"))
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(html).contains(text("mydata.invalid.title", locale))
					.contains("href=\"/my-data\"")
					.contains("action=\"/my-data\"")
					.doesNotContain(email)
					.doesNotContain("Rosa");
				assertThat(AccessibleHtml.problems(html)).isEmpty();
			}
			for (String path : List.of("/my-data/{t}/delete", "/my-data/{t}/export", "/my-data/{t}/delete/code",
					"/my-data/{t}/export/code")) {
				this.mvc.perform(post(path, token).param("code", "12345678").with(csrf()))
					.andExpect(status().isNotFound());
			}
		}
		assertThat(new QueuedMail(this.jdbc, this.cipher, this.index).to(email, "my-data-code")).isEmpty();
		assertThat(this.supporters.findByEmail(email)).isPresent();
		assertThat(auditCount("personal-data.export", emailIndex)).isZero();
	}

	// --- asking for a link ---

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theFormIsAccessibleAndTranslated(String language) throws Exception {
		String html = page(get("/my-data"), language).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Locale locale = Locale.forLanguageTag(language);
		assertThat(html).contains(text("mydata.request.title", locale))
			.contains(text("mydata.request.never", locale))
			.contains("type=\"email\"")
			.contains("autocomplete=\"email\"")
			.contains("aria-describedby=\"email-hint\"")
			.contains("name=\"_csrf\"");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
	}

	@Test
	void knownAndUnknownAddressesGetTheSameAnswerAndOnlyAKnownOneGetsALink() throws Exception {
		String known = SupportersTests.uniqueEmail();
		this.supporters.register(SupporterDetails.of(known, Locale.ENGLISH));
		String unknown = SupportersTests.uniqueEmail();
		MvcResult forKnown = this.mvc
			.perform(post("/my-data").param("email", " " + known.toUpperCase(Locale.ROOT) + " ")
				.header("Accept-Language", "es")
				.with(from(address()))
				.with(csrf()))
			.andReturn();
		MvcResult forUnknown = this.mvc
			.perform(post("/my-data").param("email", unknown)
				.header("Accept-Language", "es")
				.with(from(address()))
				.with(csrf()))
			.andReturn();
		for (MvcResult result : List.of(forKnown, forUnknown)) {
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/my-data/link-sent");
			assertThat(result.getResponse().getContentAsString()).isEmpty();
		}
		List<PersonalDataLinkRequested> requested = this.events.stream(PersonalDataLinkRequested.class).toList();
		assertThat(requested).hasSize(1);
		PersonalDataLinkRequested link = requested.get(0);
		assertThat(link.email()).isEqualTo(known);
		assertThat(link.language()).isEqualTo(Locale.forLanguageTag("es"));
		assertThat(link.link()).startsWith("https://end287g.example/my-data/");
		assertThat(link.toString()).doesNotContain(known);
		String token = link.link().substring("https://end287g.example/my-data/".length());
		assertThat(this.links.verify(PURPOSE, token)).contains(this.index.ofEmail(known));
		this.mvc.perform(get(link.link().replace("https://end287g.example", "")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(known)));

		String sent = page(get("/my-data/link-sent"), "es").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sent)
			.contains(this.messages.getMessage("mydata.sent.text", new Object[] { 7 }, Locale.forLanguageTag("es")));
		assertThat(AccessibleHtml.problems(sent)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "maria", "maria@", "@example.org", "maria@example", "maria@@example.org",
			"<script>alert(1)</script>", "<script>alert(1)</script>@example.org", "' OR '1'='1",
			"x'; DROP TABLE supporters; --@example.org", "maria@example.org\r\nBcc: all@example.org" })
	void badAddressesGetATranslatedErrorAndNothingHappens(String email) throws Exception {
		for (String language : List.of("en", "es")) {
			String html = this.mvc
				.perform(post("/my-data").param("email", email)
					.header("Accept-Language", language)
					.with(from(address()))
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Locale locale = Locale.forLanguageTag(language);
			String expected = email.isBlank() ? "mydata.error.email.empty" : "mydata.error.email.invalid";
			assertThat(html).contains(escaped(text(expected, locale)))
				.contains("aria-invalid=\"true\"")
				.contains("aria-describedby=\"email-error email-hint\"")
				.contains("id=\"email-error\"")
				.doesNotContain("<script>alert");
			assertThat(AccessibleHtml.problems(html)).isEmpty();
		}
		assertThat(this.events.stream(PersonalDataLinkRequested.class)).isEmpty();
	}

	@Test
	void anOverlongAddressIsRefusedAndNotEchoed() throws Exception {
		String huge = "a".repeat(10_000) + "@example.org";
		String html = this.mvc.perform(post("/my-data").param("email", huge).with(from(address())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(text("mydata.error.email.long", Locale.ENGLISH)).doesNotContain("aaaaaaaaaa");
		this.mvc.perform(post("/my-data").with(from(address())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(escaped(text("mydata.error.email.empty", Locale.ENGLISH)))));
		assertThat(this.events.stream(PersonalDataLinkRequested.class)).isEmpty();
	}

	@Test
	void withoutACsrfTokenTheFormIsRefused() throws Exception {
		String known = SupportersTests.uniqueEmail();
		this.supporters.register(SupporterDetails.of(known, Locale.ENGLISH));
		this.mvc.perform(post("/my-data").param("email", known).with(from(address())))
			.andExpect(status().isForbidden());
		assertThat(this.events.stream(PersonalDataLinkRequested.class)).isEmpty();
	}

	@Test
	void duplicateSubmissionsGetTheSameAnswerUntilTheLimitThenATranslated429() throws Exception {
		String known = SupportersTests.uniqueEmail();
		this.supporters.register(SupporterDetails.of(known, Locale.ENGLISH));
		String address = address();
		// my-data allows 3 requests per e-mail address an hour
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(post("/my-data").param("email", known).with(from(address)).with(csrf()))
				.andExpect(redirectedUrl("/my-data/link-sent"));
		}
		assertThat(this.events.stream(PersonalDataLinkRequested.class)).hasSize(3);
		String html = this.mvc
			.perform(post("/my-data").param("email", known)
				.header("Accept-Language", "es")
				.with(from(address()))
				.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(text("error.tooMany.title", Locale.forLanguageTag("es")));
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(this.events.stream(PersonalDataLinkRequested.class)).hasSize(3);
	}

	@Test
	void oneClientAddressIsLimitedWhateverTheEmail() throws Exception {
		String address = address();
		// my-data allows 10 requests per client address an hour
		for (int i = 0; i < 10; i++) {
			this.mvc
				.perform(
						post("/my-data").param("email", SupportersTests.uniqueEmail()).with(from(address)).with(csrf()))
				.andExpect(redirectedUrl("/my-data/link-sent"));
		}
		this.mvc
			.perform(post("/my-data").param("email", SupportersTests.uniqueEmail()).with(from(address)).with(csrf()))
			.andExpect(status().isTooManyRequests());
	}

	// --- helpers ---

	private org.springframework.test.web.servlet.ResultActions page(MockHttpServletRequestBuilder request,
			String language) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", language));
	}

	private String token(String email) {
		return this.links.sign(PURPOSE, this.index.ofEmail(email), Duration.ofDays(7));
	}

	private MyDataPages myDataPages() {
		return new MyDataPages(this.mvc, this.links, this.index, this.jdbc, this.cipher);
	}

	private long auditCount(String action, String emailIndex) {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, emailIndex.substring(0, 8))
			.query(Long.class)
			.single();
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String address() {
		return "192.0.2." + UUID.randomUUID();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * A holder that fails for chosen people, to show that a deletion is all or nothing.
	 */
	@TestConfiguration
	static class FailingHolderConfiguration {

		@Bean
		@Order(Integer.MAX_VALUE)
		FailingHolder failingHolder() {
			return new FailingHolder();
		}

	}

	static class FailingHolder implements PersonalDataHolder {

		static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

		@Override
		public String section() {
			return "test-failing";
		}

		@Override
		public Map<String, Object> describe(String emailIndex) {
			return Map.of();
		}

		@Override
		public void forget(String emailIndex) {
			if (POISONED.contains(emailIndex)) {
				throw new IllegalStateException("cannot forget");
			}
		}

	}

}
