package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.end287g.Staff;
import org.end287g.accounts.Permissions;
import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers see only their organization, leaders only their campaigns: another's id in
 * the address is "not found", and nothing changes.
 */
class ScopedPagesTests extends AccountsMockMvcTests {

	@Autowired
	Permissions permissions;

	static RequestPostProcessor as(Account account, String role) {
		return user(account.id()).roles(role);
	}

	static Authentication authentication(Account account) {
		return new UsernamePasswordAuthenticationToken(account.id(), null, AuthorityUtils.NO_AUTHORITIES);
	}

	long auditCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
	}

	@Test
	void anOrganizerSeesTheirOrganizationAndNoOther() throws Exception {
		long a = this.accounts.createOrganization("test-admin", "Org A " + SignedIn.newEmail()).orElseThrow();
		long b = this.accounts.createOrganization("test-admin", "Org B " + SignedIn.newEmail()).orElseThrow();
		Account alice = this.signedIn.account(SignedIn.newEmail(), "Alice <script>alert(1)</script>", "en",
				new RoleRequest(Roles.ORGANIZER, a, null));
		Account bob = this.signedIn.account(SignedIn.newEmail(), "Bob Secret", "en",
				new RoleRequest(Roles.ORGANIZER, b, null));

		String own = this.mvc.perform(get("/organizer/organizations/" + a).with(as(alice, "ORGANIZER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains("Alice &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("Bob");
		assertThat(AccessibleHtml.problems(own)).isEmpty();
		this.mvc.perform(get("/organizer").with(as(alice, "ORGANIZER")))
			.andExpect(content().string(containsString("/organizer/organizations/" + a)))
			.andExpect(content().string(not(containsString("/organizer/organizations/" + b))));

		long audit = auditCount();
		this.mvc.perform(get("/organizer/organizations/" + b).with(as(alice, "ORGANIZER")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Bob"))));
		this.mvc.perform(post("/organizer/organizations/" + b + "/export").with(as(alice, "ORGANIZER")).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Bob"))));
		// The same answer for an organization that does not exist at all.
		this.mvc.perform(get("/organizer/organizations/" + (b + 1000)).with(as(alice, "ORGANIZER")))
			.andExpect(status().isNotFound());
		for (String hostile : new String[] { "' OR 1=1 --", "1 OR 1=1", "<script>alert(1)</script>" }) {
			this.mvc.perform(get("/organizer/organizations/{id}", hostile).with(as(alice, "ORGANIZER")))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(
						post("/organizer/organizations/{id}/export", hostile).with(as(alice, "ORGANIZER")).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(auditCount()).isEqualTo(audit);
		assertThat(this.permissions.organizes(authentication(alice), b)).isFalse();
		assertThat(this.permissions.organizes(authentication(bob), b)).isTrue();

		// The export of their own members is audited and safe in a spreadsheet.
		this.mvc.perform(post("/organizer/organizations/" + a + "/export").with(as(alice, "ORGANIZER")))
			.andExpect(status().isForbidden());
		String csv = this.mvc
			.perform(post("/organizer/organizations/" + a + "/export").with(as(alice, "ORGANIZER")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("\"Alice <script>alert(1)</script>\",ORGANIZER");
		assertThat(auditCount()).isEqualTo(audit + 1);
		assertThat(this.jdbc.sql("SELECT actor FROM audit_log WHERE action = 'personal-data.export' AND subject = ?")
			.param(Long.toString(a))
			.query(String.class)
			.single()).isEqualTo(alice.id());
	}

	@Test
	void aRevokedOrganizerLosesAccessAtOnce() throws Exception {
		long a = this.accounts.createOrganization("test-admin", "Org R " + SignedIn.newEmail()).orElseThrow();
		Account carol = this.signedIn.account(SignedIn.newEmail(), "Carol", "en",
				new RoleRequest(Roles.ORGANIZER, a, null));
		this.mvc.perform(get("/organizer/organizations/" + a).with(as(carol, "ORGANIZER"))).andExpect(status().isOk());
		this.accounts.revoke("test-admin", carol.id(), this.store.activeGrants(carol.id()).get(0).id());
		// Even with the role still in an old authentication, the database says no.
		this.mvc.perform(get("/organizer/organizations/" + a).with(as(carol, "ORGANIZER")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aLeaderReachesOnlyTheCampaignsTheyLead() throws Exception {
		long c41 = this.signedIn.campaign(41);
		long c42 = this.signedIn.campaign(42);
		Account dana = this.signedIn.leader(SignedIn.newEmail(), 41);
		Account eli = this.signedIn.leader(SignedIn.newEmail(), 42);
		assertThat(this.permissions.leads(authentication(dana), c41)).isTrue();
		assertThat(this.permissions.leads(authentication(dana), c42)).isFalse();
		assertThat(this.permissions.leads(authentication(eli), c41)).isFalse();
		assertThat(this.permissions.campaignsLed(authentication(dana))).containsExactly(c41);
		assertThat(this.permissions.isStaff(authentication(dana))).isFalse();

		String leader = this.mvc.perform(get("/leader").with(as(dana, "LEADER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(leader).contains("Test Campaign 41")
			.contains("href=\"/leader/campaigns/" + c41 + "\"")
			.doesNotContain("Test Campaign 42");
		assertThat(AccessibleHtml.problems(leader)).isEmpty();
		this.mvc.perform(get("/leader/campaigns/" + c41).with(as(dana, "LEADER"))).andExpect(status().isOk());
		this.mvc.perform(get("/leader/campaigns/" + c42).with(as(dana, "LEADER"))).andExpect(status().isNotFound());
		for (String hostile : new String[] { "' OR 1=1 --", c41 + " OR 1=1", "-" + c41, "9".repeat(10_000) }) {
			this.mvc.perform(get("/leader/campaigns/{id}", hostile).with(as(dana, "LEADER")))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/leader").with(as(dana, "LEADER")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Sus campañas")));
		// A leader is not an admin, and not an organizer.
		this.mvc.perform(get("/admin/accounts").with(as(dana, "LEADER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/organizer").with(as(dana, "LEADER")))
			.andExpect(content().string(containsString("You are not an organizer")));
	}

	@Test
	void staffAreAdminsSignedInWithAPasskeyWhileTheirGrantLasts() throws Exception {
		Account ada = this.signedIn.account(SignedIn.newEmail(), "Ada", "en", new RoleRequest(Roles.ADMIN, null, null));
		assertThat(this.permissions.isStaff(signedIn(ada.id(), FactorGrantedAuthority.WEBAUTHN_AUTHORITY))).isTrue();
		assertThat(this.permissions.isStaff(signedIn(ada.id(), FactorGrantedAuthority.OTT_AUTHORITY))).isFalse();
		assertThat(this.permissions.isStaff(authentication(ada))).isFalse();
		assertThat(this.permissions.isStaff(signedIn("no-such-account", FactorGrantedAuthority.WEBAUTHN_AUTHORITY)))
			.isFalse();
		assertThat(this.permissions.outsideScope(signedIn(ada.id(), FactorGrantedAuthority.OTT_AUTHORITY), "x")
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(this.permissions.outsideScope(signedIn("no-such-account", FactorGrantedAuthority.OTT_AUTHORITY), "x")
			.getStatusCode()
			.value()).isEqualTo(404);

		// signed in by link, the admin is told where a passkey is added
		for (String page : new String[] { "/leader", "/account" }) {
			String english = html(get(page).with(Staff.adminWithoutPasskey(ada.id())));
			assertThat(english).contains("You are staff, but you signed in with a link", "href=\"/account/passkeys\"");
			assertThat(AccessibleHtml.problems(english)).isEmpty();
			assertThat(html(get(page).with(Staff.adminWithoutPasskey(ada.id())).header("Accept-Language", "es")))
				.contains("Usted es parte del personal");
			assertThat(html(get(page).with(Staff.admin(ada.id())))).doesNotContain("You are staff");
		}

		this.accounts.revoke("test-admin", ada.id(), this.store.activeGrants(ada.id()).get(0).id());
		assertThat(this.permissions.isStaff(signedIn(ada.id(), FactorGrantedAuthority.WEBAUTHN_AUTHORITY))).isFalse();
		assertThat(html(get("/leader").with(Staff.adminWithoutPasskey(ada.id())))).doesNotContain("You are staff");
	}

	private static Authentication signedIn(String id, String factor) {
		return UsernamePasswordAuthenticationToken.authenticated(id, null,
				List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), FactorGrantedAuthority.fromAuthority(factor)));
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void scopedPagesNeedSignIn() throws Exception {
		for (String page : new String[] { "/organizer", "/organizer/organizations/1", "/leader", "/leader/campaigns/1",
				"/account", "/account/sessions", "/account/passkeys" }) {
			this.mvc.perform(get(page)).andExpect(status().is3xxRedirection());
		}
	}

}
