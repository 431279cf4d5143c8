package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;

import org.end287g.Staff;
import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * After signing in, a person with one role lands where they work; with none or several,
 * on their account page, which links every dashboard they may use and names campaigns by
 * their title. A link may name its landing, but only a path of the signed-in areas.
 */
class SignInLandingTests extends AccountsMockMvcTests {

	String landing(String email) throws Exception {
		return this.signedIn.useToken(this.signedIn.requestToken(email)).getRedirectedUrl();
	}

	String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	String title(long campaign) {
		return this.jdbc.sql("select title from campaigns where id = ?").param(campaign).query(String.class).single();
	}

	@Test
	void eachRoleLandsWhereItWorks() throws Exception {
		String leader = SignedIn.newEmail();
		Account lena = this.signedIn.leader(leader, 1401);
		assertThat(landing(leader)).isEqualTo("/leader/campaigns/" + this.signedIn.campaign(1401));

		String twoCampaigns = SignedIn.newEmail();
		Account leo = this.signedIn.leader(twoCampaigns, 1402);
		this.accounts.grant("test-admin", leo.id(), new RoleRequest(Roles.LEADER, null, this.signedIn.campaign(1403)));
		assertThat(landing(twoCampaigns)).isEqualTo("/leader");

		long organization = this.accounts.createOrganization("test-admin", "Landing Org " + SignedIn.newEmail())
			.orElseThrow();
		String organizer = SignedIn.newEmail();
		this.signedIn.account(organizer, "Olga", "en", new RoleRequest(Roles.ORGANIZER, organization, null));
		assertThat(landing(organizer)).isEqualTo("/organizer");

		// an admin by link is not staff yet: their account page says to add a passkey
		String admin = SignedIn.newEmail();
		Account alma = this.signedIn.account(admin, "Alma", "en", new RoleRequest(Roles.ADMIN, null, null));
		assertThat(landing(admin)).isEqualTo("/account");
		// with a passkey (the page the passkey sign-in opens next), staff land on the
		// staff home
		this.mvc.perform(get("/account/start").with(Staff.admin(alma.id()))).andExpect(redirectedUrl("/admin"));
		this.mvc.perform(get("/account/start").with(user(lena.id()).roles("LEADER")))
			.andExpect(redirectedUrl("/leader/campaigns/" + this.signedIn.campaign(1401)));

		// several roles: the account page, with every dashboard
		String both = SignedIn.newEmail();
		Account bea = this.signedIn.leader(both, 1404);
		this.accounts.grant("test-admin", bea.id(), new RoleRequest(Roles.ORGANIZER, organization, null));
		assertThat(landing(both)).isEqualTo("/account");
		for (String language : new String[] { "en", "es" }) {
			String page = html(get("/account").with(user(bea.id()).roles("LEADER", "ORGANIZER"))
				.header("Accept-Language", language));
			assertThat(page)
				.contains("href=\"/leader\"", "href=\"/leader/events\"", "href=\"/organizer\"",
						"href=\"/leader/campaigns/" + this.signedIn.campaign(1404) + "\">"
								+ title(this.signedIn.campaign(1404)) + "</a>",
						"href=\"/organizer/organizations/" + organization + "\"")
				.doesNotContain("Campaign " + this.signedIn.campaign(1404), "Campaña " + this.signedIn.campaign(1404),
						"href=\"/admin\"");
			assertThat(page).contains("en".equals(language) ? "Where you work" : "Dónde trabaja");
			assertThat(AccessibleHtml.problems(page)).isEmpty();
		}
		String staffAccount = html(get("/account").with(Staff.adminWithoutPasskey(alma.id())));
		assertThat(staffAccount).contains("href=\"/admin\"", "Staff home", "/account/passkeys");

		// no role at all
		String nobody = SignedIn.newEmail();
		Account nora = this.signedIn.leader(nobody, 1405);
		this.jdbc.sql("update role_grants set revoked_at = current_timestamp, revoked_by = 'test' where account_id = ?")
			.param(nora.id())
			.update();
		assertThat(landing(nobody)).isEqualTo("/account");
	}

	@Test
	void aLinkLandsOnlyOnAPathOfTheSignedInAreas() throws Exception {
		String dashboard = "/leader/campaigns/" + this.signedIn.campaign(1406);
		for (String hostile : new String[] { "https://evil.example/", "//evil.example/leader", "/leader/../admin",
				"/sign-out", "/leader/campaigns/1?x=1", "javascript:alert(1)", "/admin" + "/x".repeat(200), "" }) {
			String email = SignedIn.newEmail();
			this.signedIn.leader(email, 1406);
			String token = this.signedIn.requestToken(email);
			assertThat(html(get("/sign-in/link").param("token", token).param("next", hostile)))
				.doesNotContain("name=\"next\"");
			assertThat(signIn(token, hostile)).as(hostile).isEqualTo(dashboard);
		}
		String email = SignedIn.newEmail();
		this.signedIn.leader(email, 1406);
		String token = this.signedIn.requestToken(email);
		assertThat(html(get("/sign-in/link").param("token", token).param("next", "/leader")))
			.contains("name=\"next\" value=\"/leader\"");
		assertThat(signIn(token, "/leader")).isEqualTo("/leader");
	}

	/** Where posting the link page's form (token and landing) leads. */
	String signIn(String token, String next) throws Exception {
		return this.mvc
			.perform(post("/login/ott").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.param("token", token)
				.param("next", next))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

}
