package org.end287g.accounts.internal;

import java.util.List;

import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.SignedIn.Browser;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every form of this module refuses a post without a CSRF token or with a forged one
 * (403), and nothing changes.
 */
class CsrfTests extends AccountsMockMvcTests {

	private static final List<String> TABLES = List.of("accounts", "organizations", "role_grants", "account_devices",
			"one_time_tokens", "user_credentials", "mail_outbox", "audit_log");

	String snapshot() {
		StringBuilder counts = new StringBuilder();
		for (String table : TABLES) {
			counts.append(table)
				.append('=')
				.append(this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single())
				.append(' ');
		}
		counts.append(
				this.jdbc.sql("SELECT COUNT(*) FROM role_grants WHERE revoked_at IS NULL").query(Long.class).single());
		counts.append(' ')
			.append(this.jdbc.sql("SELECT COUNT(*) FROM accounts WHERE disabled_at IS NULL")
				.query(Long.class)
				.single());
		return counts.toString();
	}

	@Test
	void everyFormRefusesAMissingOrForgedToken() throws Exception {
		RealSignIns signedIn = this.signedIn;
		String email = SignedIn.newEmail();
		long org = this.accounts.createOrganization("test-admin", "CSRF org " + email).orElseThrow();
		Account organizer = signedIn.account(email, "Org", "en", new RoleRequest(Roles.ORGANIZER, org, null));
		Account admin = signedIn.account(SignedIn.newEmail(), "Admin", "en", new RoleRequest(Roles.ADMIN, null, null));
		Browser browser = signedIn.signIn(email);
		String token = signedIn.requestToken(email);
		long grant = this.store.activeGrants(organizer.id()).get(0).id();
		var asAdmin = user(admin.id()).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));

		List<MockHttpServletRequestBuilder> posts = List.of(post("/sign-in").param("email", email),
				post("/login/ott").param("token", token),
				post("/account").cookie(browser.cookies()).param("name", "Changed").param("language", "es"),
				post("/account/sessions/revoke").cookie(browser.cookies()).param("session", "x"),
				post("/account/sessions/revoke-others").cookie(browser.cookies()),
				post("/account/passkeys/remove").cookie(browser.cookies()).param("passkey", "x"),
				post("/organizer/organizations/" + org + "/export").cookie(browser.cookies()),
				post("/sign-out").cookie(browser.cookies()),
				post("/webauthn/register/options").cookie(browser.cookies()), post("/webauthn/authenticate/options"),
				post("/admin/accounts").with(asAdmin)
					.param("email", SignedIn.newEmail())
					.param("name", "N")
					.param("language", "en")
					.param("role", "ADMIN"),
				post("/admin/accounts/" + organizer.id() + "/grants").with(asAdmin).param("role", "ADMIN"),
				post("/admin/accounts/" + organizer.id() + "/grants/" + grant + "/revoke").with(asAdmin),
				post("/admin/accounts/" + organizer.id() + "/disable").with(asAdmin),
				post("/admin/organizations").with(asAdmin).param("name", "New " + email));
		String before = snapshot();
		for (MockHttpServletRequestBuilder request : posts) {
			this.mvc.perform(request).andExpect(status().isForbidden());
			this.mvc.perform(request.with(csrf().useInvalidToken())).andExpect(status().isForbidden());
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.store.byId(organizer.id()).orElseThrow().name()).isEqualTo("Org");
		// No session was signed in or out: the person's one session still works. (That a
		// refused anonymous post creates no session is checked over real HTTP in
		// AnonymousVisitorsTests: MockMvc's security test support keeps sessions of its
		// own.)
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
			.param(organizer.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.mvc.perform(browser.get("/account")).andExpect(status().isOk());
	}

}
