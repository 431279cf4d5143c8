package org.end287g.campaigns.lifecycle;

import java.util.Map;

import org.end287g.Staff;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff edit the target's contacts, list and close campaigns. */
class StaffCampaignPagesTests extends StaffTestSupport {

	static final String PAGE = "/admin/campaigns/" + GASTON;

	MockHttpServletRequestBuilder target(Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post(PAGE + "/target").with(Staff.admin()).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	@Test
	void contactsAreSavedAuditedAndShownWithLinksInBothLanguages() throws Exception {
		long audited = auditCount("campaign.target");
		this.mvc
			.perform(target(Map.of("headTitle", "SHERIFF", "headName", "Alan Cloninger", "phone", "(704) 869-6800",
					"email", "Sheriff@GastonGov.com", "address", "425 Dr. Martin Luther King Jr. Way\nGastonia, NC",
					"url", "https://www.gastongov.com/sheriff")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(PAGE));
		Campaign saved = gaston();
		assertThat(saved.head().name()).isEqualTo("Alan Cloninger");
		assertThat(saved.head().address()).contains("\n");
		assertThat(auditCount("campaign.target")).isEqualTo(audited + 1);
		assertThat(this.jdbc.sql("select target_updated_by from campaigns where id = ?")
			.param(saved.id())
			.query(String.class)
			.single()).isNotBlank();
		String page = html(get("/campaigns/" + GASTON));
		assertThat(page).contains("<dt>Sheriff</dt>", "Alan Cloninger", "href=\"tel:704869-6800\"",
				"href=\"mailto:Sheriff@GastonGov.com\"", "href=\"https://www.gastongov.com/sheriff\"");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get("/campaigns/" + GASTON + "?lang=es"))).contains("<dt>Sheriff</dt>", "Teléfono",
				"Correo electrónico", "Sitio web");
		this.mvc.perform(target(Map.of("headTitle", "CHIEF", "headName", "Ana")))
			.andExpect(status().is3xxRedirection());
		// the old head's telephone is gone (the page may list help lines of its own)
		assertThat(html(get("/campaigns/" + GASTON + "?lang=es"))).contains("<dt>Jefe de policía</dt>")
			.doesNotContain("tel:704869-6800");
	}

	@Test
	void badContactsAreTranslatedErrorsAndNothingIsSaved() throws Exception {
		this.mvc.perform(target(Map.of("headName", "Before"))).andExpect(status().is3xxRedirection());
		Object[][] cases = { { "url", "javascript:alert(1)", "https://" }, { "url", "ftp://x.org/a", "https://" },
				{ "url", "https://", "https://" }, { "email", "not-an-address", "valid e-mail" },
				{ "email", "' OR 1=1 --", "valid e-mail" }, { "phone", "<script>alert(1)</script>", "phone number" },
				{ "phone", "call me", "phone number" }, { "headName", "x".repeat(10_000), "at most 200" },
				{ "address", "y".repeat(10_000), "at most 500" }, { "headTitle", "KING", "choose one" },
				{ "headName", "Ana\u0000Bad", "control characters" }, { "headName", "two\nlines", "control" } };
		for (Object[] c : cases) {
			Map<String, String> fields = new java.util.HashMap<>(Map.of("headName", "After"));
			fields.put((String) c[0], (String) c[1]);
			String html = this.mvc.perform(target(fields))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(html).as(c[0] + "=" + c[1]).contains((String) c[2]).doesNotContain("<script>alert(1)");
			assertThat(html).contains("aria-describedby=\"" + c[0] + "-error\"");
			assertThat(AccessibleHtml.problems(html)).isEmpty();
		}
		assertThat(gaston().head().name()).isEqualTo("Before");
		String spanish = this.mvc.perform(target(Map.of("url", "javascript:alert(1)")).param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(spanish).contains("dirección web que empiece con https://");
		// SQL, emoji and right-to-left text are only text
		this.mvc
			.perform(target(
					Map.of("headName", "Robert'); DROP TABLE campaigns; --", "address", EMOJI + " " + HOSTILE_RTL)))
			.andExpect(status().is3xxRedirection());
		assertThat(gaston().head().name()).isEqualTo("Robert'); DROP TABLE campaigns; --");
		assertThat(gaston().head().address()).isEqualTo(EMOJI + " " + HOSTILE_RTL);
		// empty form: every contact is optional, so it clears them
		this.mvc.perform(target(Map.of())).andExpect(status().is3xxRedirection());
		assertThat(gaston().head()).isEqualTo(Campaign.Head.UNKNOWN);
	}

	@Test
	void onlyAdminsWithAPasskeyReachTheStaffPages() throws Exception {
		this.mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get(PAGE).with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/account/passkey-required"));
		this.mvc.perform(get(PAGE).with(leaderOf(gaston().id()))).andExpect(status().isForbidden());
		this.mvc.perform(target(Map.of("headName", "X")).with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(PAGE + "/close").with(Staff.organizer()).with(csrf()).param("outcome", "LOST"))
			.andExpect(status().isForbidden());
		assertThat(gaston().head().name()).isNull();
		assertThat(gaston().status()).isEqualTo(CampaignStatus.OPEN);
		this.mvc.perform(get("/admin/campaigns/nc-nobody").with(Staff.admin())).andExpect(status().isNotFound());
		String page = html(get(PAGE).with(Staff.admin()));
		assertThat(page).contains("Gaston County Sheriff", "Close the campaign");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(AccessibleHtml.problems(html(get(PAGE + "?lang=es").with(Staff.admin())))).isEmpty();
	}

	@Test
	void listFiltersByStateAndStatus() throws Exception {
		this.jdbc.sql("update campaigns set status = 'WON' where slug = ?").param(GASTON).update();
		count(gaston().id(), 0, 3);
		String all = html(get("/admin/campaigns").with(Staff.admin()));
		assertThat(all).contains("Gaston County Sheriff", "York County Sheriff", "3 of 200 signatures");
		assertThat(AccessibleHtml.problems(all)).isEmpty();
		String nc = html(get("/admin/campaigns?state=nc").with(Staff.admin()));
		assertThat(nc).contains("Gaston County Sheriff", "Mecklenburg").doesNotContain("York County Sheriff");
		String won = html(get("/admin/campaigns?status=WON&state=NC").with(Staff.admin()));
		assertThat(won).contains("href=\"/admin/campaigns/" + GASTON + "\"").doesNotContain("Mecklenburg");
		// unknown filters are ignored, never an error or a query
		assertThat(html(get("/admin/campaigns?status=' OR 1=1 --&state=<script>").with(Staff.admin())))
			.contains("Mecklenburg")
			.doesNotContain("<script>");
		assertThat(html(get("/admin/campaigns?status=LOST&lang=es").with(Staff.admin())))
			.contains("Ninguna campaña coincide");
	}

	@Test
	void closingNeedsANoteAndHappensOnce() throws Exception {
		long id = gaston().id();
		for (String[] bad : new String[][] { { "LOST", "" }, { "LOST", "z".repeat(10_000) }, { "MAYBE", "note" },
				{ "CONFIRM", "" }, { "", "note" } }) {
			String html = this.mvc
				.perform(post(PAGE + "/close").with(Staff.admin())
					.with(csrf())
					.param("outcome", bad[0])
					.param("note", bad[1]))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(AccessibleHtml.problems(html)).as(bad[0]).isEmpty();
		}
		assertThat(gaston().status()).isEqualTo(CampaignStatus.OPEN);
		long audited = auditCount("campaign.close");
		this.mvc
			.perform(post(PAGE + "/close").with(Staff.admin())
				.with(csrf())
				.param("outcome", "LOST")
				.param("note", "The sheriff renewed the agreement <script>x</script> " + EMOJI))
			.andExpect(status().is3xxRedirection());
		Campaign closed = gaston();
		assertThat(closed.status()).isEqualTo(CampaignStatus.LOST);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(auditCount("campaign.close")).isEqualTo(audited + 1);
		String page = html(get("/campaigns/" + GASTON));
		assertThat(page).contains("closed without ending", "renewed the agreement &lt;script&gt;")
			.doesNotContain("<script>x");
		String again = this.mvc
			.perform(post(PAGE + "/close").with(Staff.admin())
				.with(csrf())
				.param("outcome", "WON")
				.param("note", "no")
				.param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(again).contains("ya está cerrada");
		assertThat(gaston().status()).isEqualTo(CampaignStatus.LOST);
		assertThat(auditCount("campaign.close")).isEqualTo(audited + 1);
		assertThat(id).isEqualTo(closed.id());
	}

}
