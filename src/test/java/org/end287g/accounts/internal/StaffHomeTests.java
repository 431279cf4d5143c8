package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.Staff;
import org.end287g.accounts.SignedIn;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff home, /admin: staff only; what waits for staff with how many, as items arrive
 * and as staff handle them, in English and Spanish; and a link to every staff page.
 */
class StaffHomeTests extends AccountsMockMvcTests {

	static final String[] STAFF_PAGES = { "/admin/accounts", "/admin/organizations", "/admin/audit", "/admin/leaders",
			"/admin/campaigns", "/admin/mail", "/admin/import", "/admin/toolkit/lessons", "/admin/events" };

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The count the staff home shows for the waiting work linked to this path. */
	long waiting(String link) throws Exception {
		String page = html(get("/admin").with(Staff.admin()), 200);
		Matcher count = Pattern
			.compile("(?s)<h3><a href=\"" + Pattern.quote(link.replace("&", "&amp;"))
					+ "\">[^<]+</a></h3>\\s*<p><span class=\"[^\"]+\">([^<]+)</span>")
			.matcher(page);
		assertThat(count.find()).as(link + " in " + page).isTrue();
		String text = count.group(1);
		return text.startsWith("Nothing") ? 0 : Long.parseLong(text.substring(0, text.indexOf(' ')));
	}

	@Test
	void onlyStaffOpenIt() throws Exception {
		this.mvc.perform(get("/admin")).andExpect(redirectedUrl("/sign-in"));
		html(get("/admin").with(Staff.organizer()), 403);
		html(get("/admin").with(user(SignedIn.newEmail()).roles("LEADER")), 403);
		this.mvc.perform(get("/admin").with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/account/passkey-required"));
		for (String language : new String[] { "en", "es" }) {
			String page = html(get("/admin").with(Staff.admin()).header("Accept-Language", language), 200);
			assertThat(page).contains("en".equals(language) ? "Staff home" : "Inicio del equipo",
					"en".equals(language) ? "What waits for you" : "Lo que le espera",
					"en".equals(language) ? "Requests to lead a campaign" : "Solicitudes para dirigir una campaña",
					"en".equals(language) ? "Failed mail" : "Correos fallidos");
			for (String path : STAFF_PAGES) {
				assertThat(page).contains("href=\"" + path + "\"");
			}
			assertThat(AccessibleHtml.problems(page)).isEmpty();
		}
		for (String path : STAFF_PAGES) {
			this.mvc.perform(get(path).with(Staff.admin())).andExpect(status().isOk());
		}
	}

	@Test
	void theCountsFollowWhatArrivesAndWhatStaffHandle() throws Exception {
		// a possible win, the only one (imports in other tests leave theirs, and the
		// staff
		// home lists only the first few)
		this.jdbc.sql("update campaigns set status = 'OPEN' where status = 'POSSIBLE_WIN'").update();
		long campaign = TestCampaigns.id(this.jdbc, 1501);
		String slug = "nc-test-campaign-1501";
		this.jdbc.sql("update campaigns set status = 'OPEN' where id = ?").param(campaign).update();
		String possibleWins = "/admin/campaigns?status=POSSIBLE_WIN";
		long wins = waiting(possibleWins);
		this.jdbc.sql("update campaigns set status = 'POSSIBLE_WIN', possible_win_at = ? where id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), campaign)
			.update();
		assertThat(waiting(possibleWins)).isEqualTo(wins + 1);
		assertThat(html(get("/admin").with(Staff.admin()), 200)).contains("href=\"/admin/campaigns/" + slug + "\"");
		this.jdbc.sql("update campaigns set status = 'OPEN' where id = ?").param(campaign).update();
		assertThat(waiting(possibleWins)).isEqualTo(wins);

		// a mail the server refused, queued again by staff
		long failed = waiting("/admin/mail");
		this.transactions.executeWithoutResult(
				(status) -> this.outbox.enqueue(Mail.transactional(SignedIn.newEmail(), Locale.ENGLISH, "sign-in-link",
						Map.of("link", "x", "minutes", 15, "subjectArgs", java.util.List.of()))));
		long id = this.jdbc.sql("select max(id) from mail_outbox").query(Long.class).single();
		this.jdbc.sql("update mail_outbox set status = 'FAILED' where id = ?").param(id).update();
		assertThat(waiting("/admin/mail")).isEqualTo(failed + 1);
		this.mvc.perform(post("/admin/mail/" + id + "/retry").with(Staff.admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(waiting("/admin/mail")).isEqualTo(failed);

		// a burst of signatures: twelve in one minute after five quiet ones
		long burst = TestCampaigns.id(this.jdbc, 1502);
		String signatures = "/admin/campaigns/nc-test-campaign-1502/signatures";
		assertThat(html(get("/admin").with(Staff.admin()), 200)).doesNotContain(signatures);
		long bursts = waiting("/admin/campaigns");
		OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(2);
		for (int minute = 0; minute < 5; minute++) {
			signature(burst, hour.plusMinutes(minute * 7L));
		}
		for (int n = 0; n < 12; n++) {
			signature(burst, hour.plusMinutes(50).plusSeconds(n));
		}
		assertThat(waiting("/admin/campaigns")).isEqualTo(bursts + 1);
		assertThat(html(get("/admin").with(Staff.admin()), 200)).contains("href=\"" + signatures + "\"");
		// staff invalidated them: nothing waits any more
		this.jdbc.sql("update signatures set invalidated_at = ? where campaign_id = ? and created_at >= ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), burst, hour.plusMinutes(50))
			.update();
		assertThat(waiting("/admin/campaigns")).isEqualTo(bursts);
	}

	void signature(long campaign, OffsetDateTime at) {
		this.jdbc
			.sql("insert into signatures (campaign_id, language, source, created_at) values (?, 'en', 'ONLINE', ?)")
			.params(campaign, at)
			.update();
	}

}
