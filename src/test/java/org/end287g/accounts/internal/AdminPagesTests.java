package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.SignedIn.Browser;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admin pages: invite, grant, revoke, disable, organizations, the audit log. */
class AdminPagesTests extends AccountsMockMvcTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "\"><img src=x onerror=alert(1)>";

	/** A real admin account, signed in with a passkey. */
	RequestPostProcessor admin(Account account) {
		return user(account.id()).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

	Account newAdmin() {
		return this.signedIn.account(SignedIn.newEmail(), "Admin", "en", new RoleRequest(Roles.ADMIN, null, null));
	}

	long organization(String name) {
		return this.accounts.createOrganization("test-admin", name).orElseThrow();
	}

	String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void anInvitationCreatesTheAccountGrantsTheRoleAndMailsHowToSignIn() throws Exception {
		String email = SignedIn.newEmail();
		long org = organization("Comité " + email);
		this.mvc
			.perform(post("/admin/accounts").with(Staff.admin())
				.with(csrf())
				.param("email", email.toUpperCase())
				.param("name", "Ana " + SCRIPT)
				.param("language", "es")
				.param("role", "ORGANIZER")
				.param("organization", Long.toString(org)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/accounts/*"));
		Account account = this.store.byEmail(email).orElseThrow();
		assertThat(account.name()).isEqualTo("Ana " + SCRIPT);
		assertThat(account.language()).isEqualTo("es");
		assertThat(this.store.activeGrants(account.id())).singleElement()
			.satisfies((grant) -> assertThat(grant.organizationId()).isEqualTo(org));
		QueuedMail.Message invitation = this.mail.last(email, "invitation");
		assertThat(invitation.language()).isEqualTo("es");
		assertThat(invitation.body()).startsWith("Hola, Ana " + SCRIPT + ":")
			.contains("Organizador")
			.contains("http://localhost:8080/sign-in")
			.doesNotContain("token");
		// Stored sealed: the plain name and address are nowhere in the row.
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM accounts WHERE id = ?")
			.param(account.id())
			.query()
			.singleRow();
		assertThat(new String((byte[]) row.get("name_sealed"), StandardCharsets.ISO_8859_1)).doesNotContain("Ana");
		assertThat(row.values().toString()).doesNotContain(email);

		String list = html(get("/admin/accounts").with(Staff.admin()));
		assertThat(list).contains("Ana &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT).contains(email);
		assertThat(AccessibleHtml.problems(list)).isEmpty();
		String page = html(get("/admin/accounts/" + account.id()).with(Staff.admin()));
		assertThat(page).contains("Comité").doesNotContain(SCRIPT);
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE subject = ? ORDER BY id")
			.param(account.id())
			.query(String.class)
			.list()).containsExactly("account.invite", "role.grant");

		// Inviting the same address again with the same role changes nothing.
		long grants = count("role_grants");
		long mails = count("mail_outbox");
		this.mvc
			.perform(post("/admin/accounts").with(Staff.admin())
				.with(csrf())
				.param("email", " " + email + " ")
				.param("name", "Other")
				.param("language", "en")
				.param("role", "ORGANIZER")
				.param("organization", Long.toString(org)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This person already has this role.")));
		assertThat(count("role_grants")).isEqualTo(grants);
		assertThat(count("mail_outbox")).isEqualTo(mails);
		assertThat(this.store.byEmail(email).orElseThrow().name()).isEqualTo("Ana " + SCRIPT);
	}

	@Test
	void badInvitationsGetTranslatedErrorsAndSaveNothing() throws Exception {
		long org = organization("Bad input org " + SignedIn.newEmail());
		String[][] cases = {
				// field, value, English error, Spanish error
				{ "email", "", "Enter your e-mail address.", "Escriba su correo electrónico." },
				{ "email", "x".repeat(10_000), "An e-mail address has at most 254 characters.",
						"Un correo electrónico tiene como máximo 254 caracteres." },
				{ "email", SCRIPT, "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "email", "' OR 1=1 --", "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "name", "", "Enter a name.", "Escriba un nombre." },
				{ "name", "n".repeat(10_000), "A name has at most 100 characters.",
						"Un nombre tiene como máximo 100 caracteres." },
				{ "name", "bad\u0000name", "A name cannot contain control characters.",
						"Un nombre no puede contener caracteres de control." },
				{ "language", "fr", "Choose English or Spanish.", "Elija inglés o español." },
				{ "language", "'; DROP TABLE accounts; --", "Choose English or Spanish.", "Elija inglés o español." },
				{ "role", "SUPERUSER", "Choose a role.", "Elija una función." },
				{ "role", "' OR 1=1 --", "Choose a role.", "Elija una función." },
				{ "campaign", "' OR 1=1 --", "Enter the campaign number (digits only).",
						"Escriba el número de la campaña (solo dígitos)." },
				{ "campaign", "-5", "Enter the campaign number (digits only).",
						"Escriba el número de la campaña (solo dígitos)." },
				{ "campaign", "9".repeat(10_000), "Enter the campaign number (digits only).",
						"Escriba el número de la campaña (solo dígitos)." },
				{ "campaign", "987654321", "There is no campaign with this number.",
						"No hay ninguna campaña con este número." } };
		long accountsBefore = count("accounts");
		long grantsBefore = count("role_grants");
		long mailBefore = count("mail_outbox");
		long auditBefore = count("audit_log");
		for (String[] c : cases) {
			for (String language : new String[] { "en", "es" }) {
				Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("email", SignedIn.newEmail(), "name",
						"Valid Name", "language", "en", "role", "LEADER", "campaign",
						Long.toString(this.signedIn.campaign(7)), "organization", Long.toString(org)));
				fields.put(c[0], c[1]);
				MockHttpServletRequestBuilder request = post("/admin/accounts").with(Staff.admin())
					.with(csrf())
					.header("Accept-Language", language);
				fields.forEach(request::param);
				String page = this.mvc.perform(request)
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				assertThat(page).as(c[0] + "=" + c[1]).contains("en".equals(language) ? c[2] : c[3]);
				assertThat(page).contains("aria-describedby=\"" + c[0] + "-error\"").doesNotContain(SCRIPT);
			}
		}
		String organizerWithoutOrg = html(post("/admin/accounts").with(Staff.admin())
			.with(csrf())
			.param("email", SignedIn.newEmail())
			.param("name", "X")
			.param("language", "en")
			.param("role", "ORGANIZER")
			.param("organization", "' OR 1=1 --"));
		assertThat(organizerWithoutOrg).contains("Choose the organization of this organizer.");
		assertThat(count("accounts")).isEqualTo(accountsBefore);
		assertThat(count("role_grants")).isEqualTo(grantsBefore);
		assertThat(count("mail_outbox")).isEqualTo(mailBefore);
		assertThat(count("audit_log")).isEqualTo(auditBefore);
	}

	@Test
	void revokingARoleEndsThePersonsSessionsAtOnce() throws Exception {
		Account admin = newAdmin();
		String email = SignedIn.newEmail();
		Account leader = this.signedIn.leader(email, 31);
		Browser browser = this.signedIn.signIn(email);
		this.mvc.perform(browser.get("/leader")).andExpect(content().string(containsString("Campaign 31")));
		long grant = this.store.activeGrants(leader.id()).get(0).id();

		this.mvc.perform(post("/admin/accounts/" + leader.id() + "/grants/" + grant + "/revoke").with(admin(admin)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/accounts/" + leader.id() + "/grants/" + grant + "/revoke").with(admin(admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.activeGrants(leader.id())).isEmpty();
		assertThat(this.store.grants(leader.id())).singleElement()
			.satisfies((g) -> assertThat(g.revokedBy()).isEqualTo(admin.id()));
		this.mvc.perform(browser.get("/leader")).andExpect(redirectedUrlPattern("/sign-in*"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
			.param(leader.id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT actor FROM audit_log WHERE action = 'role.revoke' AND subject = ?")
			.param(leader.id())
			.query(String.class)
			.single()).isEqualTo(admin.id());

		// A second revoke, or one of a grant of another account, changes nothing.
		this.mvc
			.perform(post("/admin/accounts/" + admin.id() + "/grants/" + grant + "/revoke").with(admin(admin))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/accounts/" + leader.id() + "/grants/{g}/revoke", "' OR 1=1 --").with(admin(admin))
				.with(csrf()))
			.andExpect(status().isNotFound());
		// The firewall refuses a semicolon in the path before any controller sees it.
		this.mvc
			.perform(post("/admin/accounts/" + leader.id() + "/grants/{g}/revoke", "1; DROP TABLE role_grants")
				.with(admin(admin))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.store.activeGrants(admin.id())).hasSize(1);
	}

	@Test
	void disablingAnAccountEndsItsSessionsAndItsSignIns() throws Exception {
		Account admin = newAdmin();
		String email = SignedIn.newEmail();
		Account leader = this.signedIn.leader(email, 32);
		Browser browser = this.signedIn.signIn(email);
		String token = this.signedIn.requestToken(email);
		this.mvc.perform(post("/admin/accounts/" + leader.id() + "/disable").with(admin(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(browser.get("/account")).andExpect(redirectedUrlPattern("/sign-in*"));
		// A link sent before is refused too.
		assertThat(this.signedIn.useToken(token).getRedirectedUrl()).isEqualTo("/sign-in?link=invalid");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'account.disable' AND subject = ?")
			.param(leader.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAdminCannotRevokeTheirOwnAdminRoleNorDisableThemselves() throws Exception {
		Account admin = newAdmin();
		long grant = this.store.activeGrants(admin.id()).get(0).id();
		this.mvc
			.perform(post("/admin/accounts/" + admin.id() + "/grants/" + grant + "/revoke").with(admin(admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/accounts/" + admin.id() + "/disable").with(admin(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.activeGrants(admin.id())).hasSize(1);
		assertThat(this.store.byId(admin.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void grantingNeedsAnAdminWithAPasskey() throws Exception {
		String email = SignedIn.newEmail();
		Account leader = this.signedIn.leader(email, 33);
		long grants = count("role_grants");
		// An organizer, a leader and an admin without passkey try to grant themselves
		// admin.
		for (RequestPostProcessor who : new RequestPostProcessor[] { Staff.organizer(),
				user(leader.id()).roles("LEADER"), Staff.adminWithoutPasskey() }) {
			this.mvc.perform(
					post("/admin/accounts/" + leader.id() + "/grants").with(who).with(csrf()).param("role", "ADMIN"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/accounts").with(who)
					.with(csrf())
					.param("email", email)
					.param("name", "Me")
					.param("language", "en")
					.param("role", "ADMIN"))
				.andExpect(status().isForbidden());
		}
		// Signed in for real (by link), as a leader.
		Browser browser = this.signedIn.signIn(email);
		this.mvc.perform(browser.post("/admin/accounts/" + leader.id() + "/grants").param("role", "ADMIN"))
			.andExpect(status().isForbidden());
		this.mvc.perform(browser.get("/admin/accounts")).andExpect(status().isForbidden());
		// No page outside /admin accepts a role.
		this.mvc.perform(browser.post("/account").param("name", "Me").param("language", "en").param("role", "ADMIN"))
			.andExpect(status().is3xxRedirection());
		assertThat(count("role_grants")).isEqualTo(grants);
		assertThat(this.store.activeGrants(leader.id())).extracting((g) -> g.role()).containsExactly(Roles.LEADER);

		Account admin = newAdmin();
		this.mvc
			.perform(post("/admin/accounts/" + leader.id() + "/grants").with(admin(admin))
				.with(csrf())
				.param("role", "LEADER")
				.param("campaign", Long.toString(this.signedIn.campaign(34))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.store.activeGrants(leader.id())).extracting((g) -> g.campaignId())
			.containsExactly(this.signedIn.campaign(33), this.signedIn.campaign(34));
		this.mvc
			.perform(post("/admin/accounts/" + leader.id() + "/grants").with(admin(admin))
				.with(csrf())
				.param("role", "LEADER")
				.param("campaign", Long.toString(this.signedIn.campaign(34))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This person already has this role.")));
		// A campaign that does not exist: a translated error, not a failed constraint.
		this.mvc
			.perform(post("/admin/accounts/" + leader.id() + "/grants").with(admin(admin))
				.with(csrf())
				.param("role", "LEADER")
				.param("campaign", "987654321")
				.header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("No hay ninguna campaña con este número.")));
		this.mvc.perform(get("/admin/accounts/{id}", "' OR 1=1 --").with(admin(admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/accounts/{id}", "x".repeat(10_000)).with(admin(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdminSignedInByLinkIsToldToAddAPasskey() throws Exception {
		// The server forwards to the explanation with status 403 (MockMvc records the
		// forward; the browser test follows it for real).
		this.mvc.perform(get("/admin/accounts").with(Staff.adminWithoutPasskey()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/account/passkey-required"));
		this.mvc.perform(post("/admin/organizations").with(Staff.adminWithoutPasskey()).with(csrf()).param("name", "X"))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/account/passkey-required"));
		String english = html(get("/account/passkey-required").with(Staff.adminWithoutPasskey()));
		assertThat(english).contains("Admin pages need a passkey").contains("/account/passkeys");
		assertThat(AccessibleHtml.problems(english)).isEmpty();
		this.mvc
			.perform(get("/account/passkey-required").with(Staff.adminWithoutPasskey()).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Las páginas de administración requieren una llave de acceso")));
		// Others get the plain 403 page; a forged CSRF token is a plain 403 for admins
		// too.
		this.mvc.perform(get("/admin/accounts").with(Staff.organizer()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl(null));
		this.mvc.perform(post("/admin/organizations").with(Staff.adminWithoutPasskey()).param("name", "X"))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl(null));
		this.mvc.perform(get("/admin/accounts")).andExpect(redirectedUrlPattern("/sign-in*"));
	}

	@Test
	void organizationsAreValidatedAndUnique() throws Exception {
		String name = "Unidos " + SignedIn.newEmail();
		this.mvc.perform(post("/admin/organizations").with(Staff.admin()).with(csrf()).param("name", name))
			.andExpect(status().is3xxRedirection());
		long before = count("organizations");
		String[][] cases = { { "", "Enter the organization" }, { "o".repeat(10_000), "at most 200 characters" },
				{ "  " + name.toUpperCase() + " ", "An organization of that name already exists." } };
		for (String[] c : cases) {
			this.mvc.perform(post("/admin/organizations").with(Staff.admin()).with(csrf()).param("name", c[0]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[1])))
				.andExpect(content().string(containsString("aria-describedby=\"name-error\"")));
		}
		this.mvc
			.perform(post("/admin/organizations").with(Staff.admin())
				.with(csrf())
				.header("Accept-Language", "es")
				.param("name", ""))
			.andExpect(content().string(containsString("Escriba el nombre de la organización.")));
		this.mvc.perform(post("/admin/organizations").with(Staff.admin()).param("name", "No CSRF"))
			.andExpect(status().isForbidden());
		assertThat(count("organizations")).isEqualTo(before);
		for (String hostile : new String[] { SCRIPT + SignedIn.newEmail(),
				"'; DROP TABLE organizations; --" + SignedIn.newEmail(), IMG + SignedIn.newEmail() }) {
			this.mvc.perform(post("/admin/organizations").with(Staff.admin()).with(csrf()).param("name", hostile))
				.andExpect(status().is3xxRedirection());
		}
		String list = html(get("/admin/organizations").with(Staff.admin()));
		assertThat(list).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains("&lt;script&gt;");
		assertThat(count("organizations")).isEqualTo(before + 3);
		assertThat(AccessibleHtml.problems(list)).isEmpty();
	}

	@Test
	void theAuditLogIsReadableFilteredAndPagedButNotEditable() throws Exception {
		Account admin = newAdmin();
		for (int i = 0; i < 55; i++) {
			this.accounts.createOrganization(admin.id(), "Audit org " + i + " " + admin.id());
		}
		String page = html(get("/admin/audit").with(admin(admin)).param("action", "organization.create"));
		assertThat(page).contains("organization.create").contains("Older entries").contains("Admin");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		String second = html(
				get("/admin/audit").with(admin(admin)).param("action", "organization.create").param("page", "2"));
		assertThat(second).contains("Newer entries");
		for (String hostile : new String[] { "' OR 1=1 --", SCRIPT }) {
			this.mvc.perform(get("/admin/audit").with(admin(admin)).param("action", hostile).param("page", hostile))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString(SCRIPT))));
		}
		for (String method : new String[] { "PUT", "DELETE", "PATCH" }) {
			this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.request(org.springframework.http.HttpMethod.valueOf(method), "/admin/audit")
					.with(admin(admin))
					.with(csrf()))
				.andExpect(status().is4xxClientError());
		}
		this.mvc.perform(post("/admin/audit").with(admin(admin)).with(csrf())).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/admin/audit").with(Staff.organizer())).andExpect(status().isForbidden());
	}

}
