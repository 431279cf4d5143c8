package org.end287g.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.end287g.accounts.QueuedMail;
import org.end287g.places.Places;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Following a county or a state: asked for on the pages where people look at a place,
 * confirmed by a mailed link, then one mail per sheet that changes agreements there,
 * stopped by the link in the mail, in "my data". Bad input changes nothing.
 */
@SpringBootTest(properties = { "end287g.rate-limits.alerts.per-address=6", "end287g.rate-limits.alerts.per-email=3",
		"end287g.rate-limits.alert-mail.per-email=2" })
@AutoConfigureMockMvc
class AlertsTests {

	static final String GASTON = "37071";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	AlertMailer mailer;

	@Autowired
	AlertSubscriptions subscriptions;

	@Autowired
	AlertPersonalData personalData;

	@Autowired
	Places places;

	QueuedMail mail;

	long latestSheet;

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from alert_subscriptions").update();
		this.jdbc.sql("delete from rate_buckets").update();
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.latestSheet = this.jdbc.sql(
				"select id from ice_sheet where list = 'PARTICIPATING' and accepted = true order by published_at desc limit 1")
			.query(Long.class)
			.single();
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
	}

	@Test
	void thePagesOfAPlaceOfferTheAlerts() throws Exception {
		assertThat(html("/near?county=" + GASTON)).contains("action=\"/alerts\"")
			.contains("name=\"place\" value=\"37071\"")
			.contains("Hear when 287(g) changes in Gaston County, NC");
		// a county without an agreement says so and points to the alerts
		assertThat(html("/near?county=37001")).contains("href=\"#alert-heading\"")
			.contains("name=\"place\" value=\"37001\"");
		assertThat(html("/states/NC")).contains("name=\"place\" value=\"NC\"");
		assertThat(html("/agencies/" + TrackerFixture.GASTON)).contains("name=\"place\" value=\"37071\"");
		assertThat(this.mvc.perform(get("/alerts").param("place", GASTON).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("Entérese cuando cambie el 287(g) en Gaston County, NC");
	}

	@Test
	void aFollowerConfirmsByTheMailedLinkAndTheAddressIsSealed() throws Exception {
		String email = "rosa.alerts@example.org";
		follow(email, GASTON, "es").andExpect(redirectedUrl("/alerts/sent?place=37071"));
		assertThat(html("/alerts/sent?place=37071")).contains("Check your e-mail");
		QueuedMail.Message confirm = this.mail.last(email, "alert-confirm");
		assertThat(confirm.language()).isEqualTo("es");
		assertThat(confirm.body()).contains("Gaston County, NC").contains("/alerts/confirm?token=");
		String token = token(confirm.body(), "/alerts/confirm?token=");

		// opening the link changes nothing (a mail scanner may open it); the button does
		assertThat(html("/alerts/confirm?token=" + token)).contains("Start the alerts");
		assertThat(confirmed(email)).isFalse();
		this.mvc.perform(post("/alerts/confirm").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You will hear from us")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/feeds/counties/37071.atom")));
		assertThat(confirmed(email)).isTrue();

		// asking again: the same answer, no second mail
		follow(email, GASTON, "en").andExpect(redirectedUrl("/alerts/sent?place=37071"));
		assertThat(this.mail.to(email, "alert-confirm")).hasSize(1);

		// a dump holds no address
		assertThat(this.jdbc.sql("select * from alert_subscriptions").query().listOfRows().toString())
			.doesNotContain("rosa.alerts")
			.doesNotContain("example.org");
	}

	@Test
	void oneMailPerFollowerAndSheetWithWhatChangedThereAndWhatToDo() throws Exception {
		long county = confirmedFollower("county@example.org", GASTON, "es");
		long state = confirmedFollower("state@example.org", "NC", "en");
		confirmedFollower("elsewhere@example.org", "37119", "en");
		this.subscriptions.subscribe("unconfirmed@example.org", Locale.ENGLISH, place(GASTON), Instant.now());

		assertThat(this.mailer.alert(this.latestSheet)).isEqualTo(2);
		// run again (another instance, a retried listener): nothing more
		assertThat(this.mailer.alert(this.latestSheet)).isZero();

		QueuedMail.Message spanish = this.mail.last("county@example.org", "alert-changes");
		assertThat(spanish.language()).isEqualTo("es");
		assertThat(spanish.body()).contains("Gaston County Sheriff's Office firmó su acuerdo 287(g) pendiente")
			.contains("/agencies/" + TrackerFixture.GASTON)
			.contains("/alerts/stop?token=")
			.doesNotContain("York");
		QueuedMail.Message english = this.mail.last("state@example.org", "alert-changes");
		assertThat(english.body()).contains("287(g) agreements in North Carolina")
			.contains("Gaston County Sheriff's Office signed its pending 287(g) agreement (Warrant Service Officer)")
			.doesNotContain("York")
			.doesNotContain("Harris");
		assertThat(this.mail.to("elsewhere@example.org", "alert-changes")).isEmpty();
		assertThat(this.mail.to("unconfirmed@example.org", "alert-changes")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from alert_deliveries where subscription_id in (?, ?)")
			.params(county, state)
			.query(Long.class)
			.single()).isEqualTo(2);

		// the link in the mail stops the alerts, after a button
		String stop = token(english.body(), "/alerts/stop?token=");
		assertThat(html("/alerts/stop?token=" + stop)).contains("Stop the alerts for North Carolina?");
		this.mvc.perform(post("/alerts/stop").with(csrf()).param("token", stop))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Alerts stopped")));
		assertThat(this.subscriptions.place(state)).isEmpty();
		this.mvc.perform(post("/alerts/stop").with(csrf()).param("token", stop)).andExpect(status().isOk());
	}

	@Test
	void myDataShowsAndForgetsTheFollowedPlaces() throws Exception {
		confirmedFollower("mine@example.org", GASTON, "en");
		String emailIndex = this.index.ofEmail("mine@example.org");
		Map<String, Object> described = this.personalData.describe(emailIndex);
		assertThat(described.toString()).contains("place=37071").contains("confirmedAt=");
		assertThat(this.personalData.address(emailIndex)).contains("mine@example.org");
		this.personalData.forget(emailIndex);
		assertThat(this.personalData.describe(emailIndex)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { " | 37071 | en | Enter your e-mail address.",
					"not-an-address | 37071 | en | This does not look like an e-mail address",
					"<script>alert(1)</script>@x | 37071 | es | Esto no parece un correo electrónico",
					"LONG | 37071 | en | This e-mail address is too long." })
	void badAddressesAreRefusedTranslatedAndSaveNothing(String email, String place, String language, String error)
			throws Exception {
		String typed = "LONG".equals(email) ? "a".repeat(250) + "@example.org" : (email != null) ? email : "";
		String page = follow(typed, place, language).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(error).doesNotContain("<script>alert(1)");
		assertThat(count()).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''", "99999", "XX", "3707", "37071; drop table agency", "<b>NC</b>" })
	void unknownPlacesAreRefusedAndSaveNothing(String place) throws Exception {
		follow("someone@example.org", place, "en").andExpect(status().isBadRequest());
		this.mvc.perform(get("/alerts").param("place", place)).andExpect(status().isNotFound());
		assertThat(count()).isZero();
	}

	@Test
	void forgedOrMissingLinksAreRefused() throws Exception {
		this.mvc.perform(get("/alerts/confirm").param("token", "forged")).andExpect(status().isNotFound());
		this.mvc.perform(get("/alerts/confirm")).andExpect(status().isNotFound());
		this.mvc.perform(post("/alerts/stop").with(csrf()).param("token", "x".repeat(5000)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/alerts").param("email", "x@example.org").param("place", GASTON))
			.andExpect(status().isForbidden());
	}

	@Test
	void aFloodIsRateLimitedAndSendsNoMoreMail() throws Exception {
		int refused = 0;
		for (int i = 0; i < 12; i++) {
			int status = follow("flood" + i + "@example.org", GASTON, "en").andReturn().getResponse().getStatus();
			refused += (status == 429) ? 1 : 0;
		}
		assertThat(refused).isEqualTo(6);
		assertThat(count()).isEqualTo(6);
		// one address asked for again and again, from many places: its link twice, then
		// quietly none (the page says the same), then a 429
		for (int i = 0; i < 4; i++) {
			String from = "10.9.9." + (i + 1);
			int status = this.mvc.perform(post("/alerts").with(csrf()).with((request) -> {
				request.setRemoteAddr(from);
				return request;
			}).param("email", "again@example.org").param("place", GASTON)).andReturn().getResponse().getStatus();
			assertThat(status).isEqualTo((i < 3) ? 302 : 429);
		}
		assertThat(this.mail.to("again@example.org", "alert-confirm")).hasSize(2);
	}

	private org.springframework.test.web.servlet.ResultActions follow(String email, String place, String language)
			throws Exception {
		return this.mvc.perform(post("/alerts").with(csrf())
			.header("Accept-Language", language)
			.param("email", email)
			.param("place", place));
	}

	private long confirmedFollower(String email, String place, String language) {
		AlertSubscriptions.Outcome outcome = this.subscriptions.subscribe(email, Locale.forLanguageTag(language),
				place(place), Instant.now());
		long id = ((AlertSubscriptions.Outcome.Pending) outcome).id();
		assertThat(this.subscriptions.confirm(id, Instant.now())).contains(place);
		return id;
	}

	private AlertPlace place(String code) {
		return AlertPlace.of(code, this.places).orElseThrow();
	}

	private boolean confirmed(String email) {
		return this.jdbc.sql("select confirmed_at is not null from alert_subscriptions where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(Boolean.class)
			.single();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from alert_subscriptions").query(Long.class).single();
	}

	private String html(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String token(String body, String path) {
		int start = body.indexOf(path) + path.length();
		int end = start;
		while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
			end++;
		}
		return body.substring(start, end);
	}

}
