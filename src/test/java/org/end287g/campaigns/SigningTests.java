package org.end287g.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.end287g.accounts.SignedIn;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.SignedLinks;
import org.end287g.privacy.Supporters;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing a campaign's petition through the public form: checks, one signature per
 * person, no way to tell who signed, the confirmation link, counts and the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SigningTests extends SigningTestBase {

	static final String GASTON = SignatureFixture.GASTON;

	static final String SIGNED = GASTON + "/signed";

	@Autowired
	SignedLinks links;

	@Autowired
	Supporters supporters;

	@Test
	void thePageOffersTheFormWithEveryChoiceUncheckedAndSaysWhenASignatureCounts() throws Exception {
		String html = html(this.mvc.perform(get(GASTON)).andExpect(status().isOk()).andReturn().getResponse());
		assertThat(html).contains("action=\"" + GASTON + "/sign\"", "name=\"_csrf\"", "name=\"firstName\"",
				"name=\"lastName\"", "name=\"email\"", "name=\"zip\"", "name=\"comment\"", "name=\"showPublicly\"",
				"name=\"campaignUpdates\"", "name=\"organizationNews\"",
				"Your signature counts once you confirm your e-mail address", "0 of 200 signatures");
		assertThat(html).doesNotContain("checked=\"checked\"");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		String spanish = html(this.mvc.perform(get(GASTON + "?lang=es")).andReturn().getResponse());
		assertThat(spanish).contains("Firme la petición", "Su firma cuenta cuando confirme su correo electrónico",
				"Mostrar mi nombre");
		assertThat(AccessibleHtml.problems(spanish)).isEmpty();
	}

	@Test
	void aSignatureIsStoredSealedUnconfirmedAndItsConfirmationMailed() throws Exception {
		String email = SignatureFixture.newEmail();
		Map<String, String> form = SignatureFixture.form(email);
		form.put("comment", "Por mi familia");
		form.put("showPublicly", "true");
		form.put("campaignUpdates", "true");
		this.fixture.sign(form).andExpect(status().isSeeOther()).andExpect(redirectedUrl(SIGNED));

		Map<String, Object> row = this.jdbc.sql("select * from signatures").query().singleRow();
		assertThat(row.get("campaign_id")).isEqualTo(this.fixture.gaston());
		assertThat(row.get("confirmed_at")).isNull();
		assertThat(row.get("source")).isEqualTo("ONLINE");
		assertThat(row.get("language")).isEqualTo("en");
		assertThat(row).as("the city is worked out from the sealed ZIP code when shown").doesNotContainKey("city");
		assertThat(row.get("show_publicly")).isEqualTo(true);
		assertThat(row.get("campaign_updates")).isEqualTo(true);
		assertThat(row.get("organization_news")).isEqualTo(false);
		String holder = "campaign:" + this.fixture.gaston();
		assertThat(row.get("email_key")).isEqualTo(this.index.ofIdentityWithin(holder, email))
			.isNotEqualTo(this.index.ofEmail(EmailAddresses.identity(email)));
		assertThat(row.get("email_domain_index")).isEqualTo(this.index.ofDomainWithin(holder, "example.org"));
		assertThat((String) row.get("client_hash")).hasSizeGreaterThan(10);
		assertThat(this.cipher.open((byte[]) row.get("first_name_sealed"), "signatures.first_name")).isEqualTo("Ana");
		assertThat(this.cipher.open((byte[]) row.get("last_name_sealed"), "signatures.last_name")).isEqualTo("García");
		assertThat(this.cipher.open((byte[]) row.get("zip_sealed"), "signatures.zip")).isEqualTo("28052");
		assertThat(this.cipher.open((byte[]) row.get("comment_sealed"), "signatures.comment"))
			.isEqualTo("Por mi familia");
		assertThat(new String((byte[]) row.get("first_name_sealed"), StandardCharsets.ISO_8859_1))
			.doesNotContain("Ana");

		assertThat(this.supporters.findByEmail(email)).hasValueSatisfying((supporter) -> {
			assertThat(supporter.name()).isEqualTo("Ana García");
			assertThat(supporter.zip()).isEqualTo("28052");
			String pseudonym = this.supporters.pseudonym(supporter.id(), holder);
			assertThat(row.get("supporter_key")).isEqualTo(pseudonym);
			assertThat(this.cipher.open((byte[]) row.get("supporter_sealed"), "signatures.supporter"))
				.isEqualTo(Long.toString(supporter.id()));
			assertThat(this.jdbc
				.sql("select count(*) from supporter_holds where holder = ? and supporter_key = ? and ended_at is null")
				.params(holder, pseudonym)
				.query(Long.class)
				.single()).isEqualTo(1);
		});

		var mail = this.fixture.mail.last(email, "signature-confirm");
		assertThat(mail.language()).isEqualTo("en");
		assertThat(mail.body()).contains("Hello Ana,", "Gaston County Sheriff's Office", "works for 7 days");
		String[] link = SignatureFixture.link(mail.body());
		assertThat(link[0]).isEqualTo(GASTON + "/confirm");
		assertThat(this.links.verify("signature-confirm", link[1])).contains(row.get("id").toString());

		String page = html(this.mvc.perform(get(SIGNED)).andExpect(status().isOk()).andReturn().getResponse());
		assertThat(page).contains("<h1>Check your e-mail</h1>", "counts once you confirm");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(0));
	}

	@Autowired
	List<org.end287g.privacy.SealedColumn> sealedColumns;

	@Test
	void everySealedColumnOfSignaturesIsResealedAfterAKeyRotation() {
		assertThat(this.sealedColumns).filteredOn((column) -> column.table().equals("signatures"))
			.extracting(org.end287g.privacy.SealedColumn::context)
			.containsExactlyInAnyOrder("signatures.first_name", "signatures.last_name", "signatures.zip",
					"signatures.comment", "signatures.supporter");
	}

	@Test
	void everyEmptyFieldIsNamedAndNothingIsSaved() throws Exception {
		String html = html(
				this.mvc.perform(post(GASTON + "/sign").with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse());
		assertThat(html).contains("Your signature was not saved", "Please enter your first name.",
				"Please enter your last name.", "Please enter your e-mail address.", "Please enter your ZIP code.",
				"aria-describedby=\"sig-first-error\"", "aria-invalid=\"true\"");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		Map<String, String> blank = Map.of("firstName", " ", "lastName", "\t", "email", "", "zip", " ", "comment",
				"   ");
		String spanish = html(this.mvc.perform(SignatureFixture.signing(GASTON, blank).param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse());
		assertThat(spanish).contains("Su firma no se guardó", "Escriba su nombre.", "Escriba su apellido.",
				"Escriba su correo electrónico.", "Escriba su código postal.");
		assertThat(this.fixture.rows()).isZero();
	}

	@Test
	void hostileValuesEndInTranslatedErrorsAndNothingIsSaved() throws Exception {
		String[][] cases = { { "firstName", "x".repeat(10_000), "at most 80 characters", "como máximo 80" },
				{ "lastName", "x".repeat(10_000), "at most 80 characters", "como máximo 80" },
				{ "firstName", "<script>alert(1)</script>", "only letters", "solo puede tener letras" },
				{ "lastName", "' OR 1=1 --", "only letters", "solo puede tener letras" },
				{ "firstName", "Ana 😀", "only letters", "solo puede tener letras" },
				{ "lastName", "\u202Eevil", "only letters", "solo puede tener letras" },
				{ "email", "x".repeat(10_000) + "@example.org", "at most 254", "como máximo 254" },
				{ "email", "<script>@example.org", "not a valid e-mail", "no es válido" },
				{ "email", "' OR 1=1 --", "not a valid e-mail", "no es válido" },
				{ "email", "ana@@example", "not a valid e-mail", "no es válido" },
				{ "email", "😀@example.org", "not a valid e-mail", "no es válido" },
				{ "zip", "x".repeat(10_000), "exactly five digits", "exactamente cinco dígitos" },
				{ "zip", "<script>", "exactly five digits", "exactamente cinco dígitos" },
				{ "zip", "' OR 1=1 --", "exactly five digits", "exactamente cinco dígitos" },
				{ "zip", "2805٢", "exactly five digits", "exactamente cinco dígitos" },
				{ "zip", "00000", "do not know this ZIP", "No conocemos este código postal" },
				{ "comment", "x".repeat(10_000), "at most 1,000", "como máximo 1.000" },
				{ "comment", "hidden \u202E reversed", "invisible control", "caracteres de control" } };
		long mails = confirmationMails();
		for (String[] hostile : cases) {
			for (String lang : new String[] { "en", "es" }) {
				Map<String, String> form = SignatureFixture.form(SignatureFixture.newEmail());
				form.put(hostile[0], hostile[1]);
				String html = html(this.mvc.perform(SignatureFixture.signing(GASTON, form).param("lang", lang))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse());
				assertThat(html).as(hostile[0] + " " + lang).contains(lang.equals("en") ? hostile[2] : hostile[3]);
				assertThat(html).doesNotContain("<script>").doesNotContain("x".repeat(1_001));
				assertThat(AccessibleHtml.problems(html)).isEmpty();
			}
		}
		assertThat(this.fixture.rows()).isZero();
		assertThat(confirmationMails()).isEqualTo(mails);
	}

	long confirmationMails() {
		return this.jdbc.sql("select count(*) from mail_outbox where template = 'signature-confirm'")
			.query(Long.class)
			.single();
	}

	@Test
	void scriptSqlEmojiAndRightToLeftTextAreStoredAsTypedAndShownEscaped() throws Exception {
		String arabic = "مريم";
		String comment = "<script>alert(1)</script> ' OR 1=1 -- 😀 نحن جيران";
		Map<String, String> form = SignatureFixture.form(SignatureFixture.newEmail());
		form.put("firstName", arabic);
		form.put("lastName", "O'Brien-Núñez");
		form.put("comment", comment);
		form.put("showPublicly", "true");
		String email = form.get("email");
		this.fixture.sign(form).andExpect(status().isSeeOther());
		this.fixture.confirm(email).andExpect(status().isSeeOther());
		String html = html(this.mvc.perform(get(GASTON)).andExpect(status().isOk()).andReturn().getResponse());
		assertThat(html)
			.contains("1 of 200 signatures", "مريم O., Gastonia",
					"&lt;script&gt;alert(1)&lt;/script&gt; &#39; OR 1=1 -- 😀 نحن جيران")
			.doesNotContain("<script>alert(1)");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
	}

	@Test
	void withoutCsrfTokenTheAnswerIs403AndNothingIsSaved() throws Exception {
		var request = post(GASTON + "/sign").with(SignedIn.from(SignedIn.newAddress()));
		SignatureFixture.form(SignatureFixture.newEmail()).forEach(request::param);
		this.mvc.perform(request).andExpect(status().isForbidden());
		this.mvc.perform(post(GASTON + "/confirm").param("token", "x")).andExpect(status().isForbidden());
		assertThat(this.fixture.rows()).isZero();
	}

	@Test
	void unknownCampaignsAre404sAndClosedOnesRefuseSignatures() throws Exception {
		this.fixture.sign(Map.of()).andExpect(status().isBadRequest());
		this.mvc
			.perform(SignatureFixture.signing("/campaigns/nc-nobody",
					SignatureFixture.form(SignatureFixture.newEmail())))
			.andExpect(status().isNotFound());
		this.jdbc.sql("update campaigns set status = 'WON' where id = ?").param(this.fixture.gaston()).update();
		this.fixture.sign(SignatureFixture.form(SignatureFixture.newEmail()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("no longer gathers signatures")));
		this.mvc.perform(get(GASTON))
			.andExpect(content().string(allOf(containsString("no longer gathers signatures"),
					not(containsString("action=\"" + GASTON + "/sign\"")))));
		assertThat(this.fixture.rows()).isZero();
	}

	@Test
	void theAnswerNeverTellsWhetherAnAddressSignedBefore() throws Exception {
		String email = SignatureFixture.newEmail();
		List<MockHttpServletResponse> answers = new ArrayList<>();
		answers.add(this.fixture.sign(SignatureFixture.form(email)).andReturn().getResponse());
		answers.add(this.fixture.sign(SignatureFixture.form(email)).andReturn().getResponse());
		this.fixture.confirm(email).andExpect(status().isSeeOther());
		answers.add(this.fixture.sign(SignatureFixture.form(email)).andReturn().getResponse());
		answers.add(this.fixture.sign(SignatureFixture.form(SignatureFixture.newEmail())).andReturn().getResponse());
		for (MockHttpServletResponse answer : answers) {
			assertThat(answer.getStatus()).isEqualTo(303);
			assertThat(answer.getRedirectedUrl()).isEqualTo(SIGNED);
			assertThat(answer.getContentAsString()).isEmpty();
			assertThat(answer.getHeaderNames()).isEqualTo(answers.get(0).getHeaderNames());
		}
		assertThat(this.fixture.rows()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from signatures where confirmed_at is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void oneSignaturePerPersonWhateverTheCaseGmailDotsOrPlusTags() throws Exception {
		String local = "ana.garcia" + System.nanoTime();
		for (String email : new String[] { local + "@gmail.com", local.toUpperCase() + "@GMAIL.COM",
				local.replace(".", "") + "+petition@gmail.com", local.replace("a", "a.") + "@googlemail.com" }) {
			this.fixture.sign(SignatureFixture.form(email)).andExpect(redirectedUrl(SIGNED));
		}
		assertThat(this.fixture.rows()).isEqualTo(1);
		// other domains: dots and +tags are different people (their rule is the domain's)
		this.fixture.sign(SignatureFixture.form(local + "@example.org")).andExpect(redirectedUrl(SIGNED));
		this.fixture.sign(SignatureFixture.form(local + "+x@example.org")).andExpect(redirectedUrl(SIGNED));
		this.fixture.sign(SignatureFixture.form(local.toUpperCase() + "@Example.org")).andExpect(redirectedUrl(SIGNED));
		assertThat(this.fixture.rows()).isEqualTo(3);
	}

	@Test
	void aRepeatResendsTheLinkAtMostOncePerTenMinutesAndNeverOnceConfirmed() throws Exception {
		String email = SignatureFixture.newEmail();
		this.fixture.sign(SignatureFixture.form(email));
		this.fixture.sign(SignatureFixture.form(email));
		assertThat(this.fixture.mail.to(email, "signature-confirm")).hasSize(1);
		backdateMail(Duration.ofMinutes(9));
		this.fixture.sign(SignatureFixture.form(email));
		assertThat(this.fixture.mail.to(email, "signature-confirm")).hasSize(1);
		backdateMail(Duration.ofMinutes(11));
		this.fixture.sign(SignatureFixture.form(email));
		assertThat(this.fixture.mail.to(email, "signature-confirm")).hasSize(2);
		this.fixture.confirm(email).andExpect(status().isSeeOther());
		backdateMail(Duration.ofMinutes(11));
		this.fixture.sign(SignatureFixture.form(email));
		assertThat(this.fixture.mail.to(email)).hasSize(2);
	}

	@Test
	void concurrentRepeatsCreateOneRowAndConcurrentConfirmationsAllCount() throws Exception {
		String email = SignatureFixture.newEmail();
		List<Integer> statuses = parallel(6,
				(i) -> this.fixture.sign(SignatureFixture.form((i % 2 == 0) ? email : email.toUpperCase()))
					.andReturn()
					.getResponse()
					.getStatus());
		assertThat(statuses).containsOnly(303);
		assertThat(this.fixture.rows()).isEqualTo(1);
		assertThat(this.fixture.mail.to(email, "signature-confirm")).hasSize(1);

		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			emails.add(SignatureFixture.newEmail());
			this.fixture.sign(SignatureFixture.form(emails.get(i))).andExpect(status().isSeeOther());
		}
		List<Integer> confirmed = parallel(12,
				(i) -> this.fixture.confirm(emails.get(i)).andReturn().getResponse().getStatus());
		assertThat(confirmed).containsOnly(303);
		// the same link pressed twice at once counts once
		List<Integer> twice = parallel(6, (i) -> this.fixture.confirm(email).andReturn().getResponse().getStatus());
		assertThat(twice).containsOnly(303);
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(13));
		assertThat(this.jdbc.sql("select count(*) from signatures where confirmed_at is not null")
			.query(Long.class)
			.single()).isEqualTo(13);
	}

	@Test
	void theLinkOpensAPageWithAButtonAndOnlyTheButtonConfirms() throws Exception {
		String email = SignatureFixture.newEmail();
		Map<String, String> form = SignatureFixture.form(email);
		form.put("showPublicly", "true");
		form.put("comment", "Mi comentario");
		this.fixture.sign(form);
		String[] link = this.fixture.confirmation(email);
		// a mail scanner opening the link (twice) changes nothing
		for (int i = 0; i < 2; i++) {
			String page = html(this.mvc.perform(get(link[0]).param("token", link[1]))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse());
			assertThat(page).contains("<h1>Confirm your signature</h1>", "Confirm my signature",
					"name=\"token\" value=\"" + link[1] + "\"", "name=\"_csrf\"");
			assertThat(AccessibleHtml.problems(page)).isEmpty();
		}
		assertThat(this.jdbc.sql("select count(*) from signatures where confirmed_at is not null")
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get(GASTON)).andExpect(content().string(not(containsString("Ana G."))));

		this.fixture.confirm(email).andExpect(status().isSeeOther()).andExpect(redirectedUrl(GASTON + "/confirmed"));
		String thanks = html(this.mvc.perform(get(GASTON + "/confirmed")).andReturn().getResponse());
		assertThat(thanks).contains("Thank you for signing");
		assertThat(AccessibleHtml.problems(thanks)).isEmpty();
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(1));
		this.mvc.perform(get("/api/v1/campaigns?state=NC"))
			.andExpect(jsonPath("$[?(@.slug == 'nc-gaston-county-sheriffs-office')].signatures")
				.value(org.hamcrest.Matchers.contains(1)))
			.andExpect(jsonPath("$[?(@.slug == 'nc-mecklenburg-county-sheriffs-office')].signatures")
				.value(org.hamcrest.Matchers.contains(0)));
		this.mvc.perform(get("/campaigns?state=NC")).andExpect(content().string(containsString("1 of 200")));
		this.mvc.perform(get(GASTON))
			.andExpect(content().string(allOf(containsString("1 of 200 signatures"), containsString("Ana G., Gastonia"),
					containsString("Mi comentario"))));

		// confirming again is harmless and says so
		this.fixture.confirm(email).andExpect(redirectedUrl(GASTON + "/confirmed?again=1"));
		this.mvc.perform(get(GASTON + "/confirmed?again=1&lang=es"))
			.andExpect(content().string(containsString("Ya estaba confirmada")));
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(1));
	}

	@Test
	void forgedExpiredAndMisdirectedTokensChangeNothing() throws Exception {
		String email = SignatureFixture.newEmail();
		this.fixture.sign(SignatureFixture.form(email));
		String[] link = this.fixture.confirmation(email);
		String id = this.links.verify("signature-confirm", link[1]).orElseThrow();
		String expired = this.links.sign("signature-confirm", id, Duration.ofSeconds(-5));
		String otherPurpose = this.links.sign("my-data", id, Duration.ofDays(1));
		String forged = link[1].substring(0, link[1].length() - 3) + "abc";
		for (String token : new String[] { expired, otherPurpose, forged, "", "<script>", "' OR 1=1 --",
				"x".repeat(10_000), "1.2.3" }) {
			this.mvc.perform(get(link[0]).param("token", token).param("lang", "es"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(allOf(containsString("Este enlace no funciona"),
						not(containsString("<script>")), not(containsString("name=\"token\"")))));
			this.mvc
				.perform(post(link[0]).param("token", token).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("This link does not work")));
		}
		this.mvc.perform(get(link[0])).andExpect(status().isBadRequest());
		// a genuine token on another campaign's page
		this.mvc
			.perform(post("/campaigns/nc-mecklenburg-county-sheriffs-office/confirm").param("token", link[1])
				.with(csrf())
				.with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select count(*) from signatures where confirmed_at is not null")
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.signatures").value(0));
		String invalid = html(this.mvc.perform(get(link[0]).param("token", expired)).andReturn().getResponse());
		assertThat(AccessibleHtml.problems(invalid)).isEmpty();
	}

	@Test
	void aValidSignatureIsAnsweredBeforeSpringMvcAndEveryOtherOutcomeByThePage() throws Exception {
		// the usual case: answered by the signing filter (no handler), in the browser's
		// language
		String email = SignatureFixture.newEmail();
		var signed = this.mvc
			.perform(SignatureFixture.signing(GASTON, SignatureFixture.form(email))
				.header("Accept-Language", "es-MX,es;q=0.9"))
			.andExpect(redirectedUrl(SIGNED))
			.andReturn();
		assertThat(signed.getResponse().getStatus()).isEqualTo(303);
		assertThat(signed.getHandler()).isNull();
		assertThat(signed.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(this.jdbc.sql("select language from signatures").query(String.class).single()).isEqualTo("es");
		// a form with errors: the page renders it, and nothing is written twice or at all
		Map<String, String> bad = SignatureFixture.form(SignatureFixture.newEmail());
		bad.put("zip", "00000");
		var invalid = this.mvc.perform(SignatureFixture.signing(GASTON, bad))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(invalid.getHandler()).isNotNull();
		// an unknown campaign and a forged token: the usual 404 and 403
		this.mvc.perform(SignatureFixture.signing("/campaigns/no-such-campaign", SignatureFixture.form(email)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(GASTON + "/sign").with(csrf().useInvalidToken())
				.param("firstName", "Ana")
				.param("lastName", "García")
				.param("email", SignatureFixture.newEmail())
				.param("zip", "28052"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from signatures").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSpanishSignerGetsSpanishPagesAndMail() throws Exception {
		String email = SignatureFixture.newEmail();
		Map<String, String> form = SignatureFixture.form(email);
		form.put("firstName", "José");
		this.mvc.perform(SignatureFixture.signing(GASTON, form).param("lang", "es")).andExpect(redirectedUrl(SIGNED));
		assertThat(this.jdbc.sql("select language from signatures").query(String.class).single()).isEqualTo("es");
		var mail = this.fixture.mail.last(email, "signature-confirm");
		assertThat(mail.language()).isEqualTo("es");
		assertThat(mail.body()).contains("Hola, José:", "Gracias por firmar", "funciona durante 7 días");
		String page = html(this.mvc.perform(get(SIGNED + "?lang=es")).andReturn().getResponse());
		assertThat(page).contains("Revise su correo electrónico");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		String[] link = this.fixture.confirmation(email);
		String confirm = html(
				this.mvc.perform(get(link[0]).param("token", link[1]).param("lang", "es")).andReturn().getResponse());
		assertThat(confirm).contains("Confirme su firma", "Confirmar mi firma");
	}

	@Test
	void repeatsWriteNothingAndOneClientAddressIsLimited() throws Exception {
		String email = SignatureFixture.newEmail();
		for (int i = 0; i < 12; i++) {
			this.fixture.sign(SignatureFixture.form((i % 2 == 0) ? email : email.toUpperCase()))
				.andExpect(status().isSeeOther());
		}
		assertThat(this.jdbc.sql("select count(*) from signatures").query(Long.class).single()).isEqualTo(1);
		String address = SignedIn.newAddress();
		for (int i = 0; i < 20; i++) {
			this.mvc
				.perform(SignatureFixture.signing(GASTON, SignatureFixture.form(SignatureFixture.newEmail()))
					.with(SignedIn.from(address)))
				.andExpect(status().isSeeOther());
		}
		this.mvc
			.perform(SignatureFixture.signing(GASTON, SignatureFixture.form(SignatureFixture.newEmail()))
				.with(SignedIn.from(address)))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void onlyConfirmedValidPublicSignersAreShownNewestFirstAndCommentsWhenNotHidden() throws Exception {
		String[] names = { "Uno", "Dos", "Tres", "Cuatro" };
		for (int i = 0; i < names.length; i++) {
			Map<String, String> form = SignatureFixture.form(SignatureFixture.newEmail());
			form.put("firstName", names[i]);
			form.put("lastName", "perez");
			form.put("comment", "Comentario " + names[i]);
			if (i != 1) {
				form.put("showPublicly", "on");
			}
			this.fixture.sign(form);
			if (i != 3) {
				this.fixture.confirm(form.get("email")).andExpect(status().isSeeOther());
			}
		}
		this.jdbc
			.sql("update signatures set comment_hidden = true where comment_sealed is not null "
					+ "and confirmed_at = (select min(confirmed_at) from signatures)")
			.update();
		String html = html(this.mvc.perform(get(GASTON)).andReturn().getResponse());
		assertThat(html).contains("Tres P., Gastonia", "Uno P., Gastonia", "Comentario Dos", "Comentario Tres",
				"Anonymous");
		assertThat(html.indexOf("Tres P., Gastonia")).isLessThan(html.indexOf("Uno P., Gastonia"));
		assertThat(html).doesNotContain("Dos P.", "Cuatro", "Comentario Uno");
		this.jdbc.sql("update signatures set invalidated_at = confirmed_at where confirmed_at is not null").update();
		this.mvc.perform(get(GASTON + "?lang=es"))
			.andExpect(content().string(allOf(not(containsString("Tres P.")), not(containsString("Comentario")))));
	}

	private void backdateMail(Duration age) {
		this.jdbc.sql("update signatures set confirm_mailed_at = ? where confirm_mailed_at is not null")
			.param(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(age))
			.update();
	}

	static String html(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	interface Attempt {

		int run(int i) throws Exception;

	}

	static List<Integer> parallel(int n, Attempt attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				Callable<Integer> task = () -> {
					start.await();
					return attempt.run(index);
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
