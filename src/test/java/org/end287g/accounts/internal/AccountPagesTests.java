package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.end287g.accounts.SignedIn;
import org.end287g.accounts.SignedIn.Browser;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A person's own account, passkeys and data. */
class AccountPagesTests extends AccountsMockMvcTests {

	@Autowired
	PublicKeyCredentialUserEntityRepository passkeyUsers;

	@Autowired
	UserCredentialRepository passkeys;

	@Autowired
	java.util.List<PersonalDataHolder> holders;

	String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** A passkey as Spring Security stores it after a registration. */
	Bytes addPasskey(Account account, String label) {
		if (this.passkeyUsers.findByUsername(account.id()) == null) {
			this.passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.random())
				.name(account.id())
				.displayName(account.id())
				.build());
		}
		Bytes id = Bytes.random();
		this.passkeys.save(credential(account, id, label));
		return id;
	}

	ImmutableCredentialRecord credential(Account account, Bytes id, String label) {
		return ImmutableCredentialRecord.builder()
			.credentialId(id)
			.userEntityUserId(this.passkeyUsers.findByUsername(account.id()).getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.backupEligible(false)
			.backupState(false)
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label(label)
			.build();
	}

	@Test
	void theAccountPageEditsNameAndLanguageWithTranslatedErrors() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 51);
		Browser browser = this.signedIn.signIn(email);
		String page = html(browser.get("/account"));
		assertThat(page).contains(email)
			.contains("Leader 51")
			.contains("/account/sessions")
			.contains("/account/passkeys")
			.contains("/my-data");
		assertThat(AccessibleHtml.problems(page)).isEmpty();

		String[][] cases = { { "", "en", "Enter a name.", "name" },
				{ "n".repeat(10_000), "en", "A name has at most 100 characters.", "name" },
				{ "Ok", "fr", "Choose English or Spanish.", "language" },
				{ "Ok", "' OR 1=1 --", "Choose English or Spanish.", "language" } };
		for (String[] c : cases) {
			this.mvc.perform(browser.post("/account").param("name", c[0]).param("language", c[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[2])))
				.andExpect(content().string(containsString("aria-describedby=\"" + c[3] + "-error\"")));
		}
		this.mvc
			.perform(browser.post("/account").param("name", "").param("language", "en").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Escriba un nombre.")));
		assertThat(this.store.byId(account.id()).orElseThrow().name()).isEqualTo("Leader 51");

		this.mvc.perform(post("/account").cookie(browser.cookies()).param("name", "No CSRF").param("language", "es"))
			.andExpect(status().isForbidden());
		assertThat(this.store.byId(account.id()).orElseThrow().name()).isEqualTo("Leader 51");

		String hostile = "'; DROP TABLE accounts; -- \"><img src=x onerror=alert(1)>";
		this.mvc.perform(browser.post("/account").param("name", hostile).param("language", "es"))
			.andExpect(redirectedUrl("/account"));
		Account saved = this.store.byId(account.id()).orElseThrow();
		assertThat(saved.name()).isEqualTo(hostile);
		assertThat(saved.language()).isEqualTo("es");
		assertThat(html(browser.get("/account"))).doesNotContain("<img src=x").contains("&lt;img src=x");
	}

	@Test
	void thePasskeysPageListsAndRemovesOnlyYourOwn() throws Exception {
		String email = SignedIn.newEmail();
		Account mine = this.signedIn.leader(email, 52);
		Account other = this.signedIn.leader(SignedIn.newEmail(), 53);
		Bytes myKey = addPasskey(mine, "My phone <script>alert(1)</script>");
		Bytes otherKey = addPasskey(other, "Their laptop");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'passkey.add' AND subject = ?")
			.param(mine.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		Browser browser = this.signedIn.signIn(email);
		String page = html(browser.get("/account/passkeys"));
		assertThat(page).contains("My phone &lt;script&gt;")
			.doesNotContain("Their laptop")
			.doesNotContain("<script>alert");
		assertThat(AccessibleHtml.problems(page)).isEmpty();

		this.mvc.perform(browser.post("/account/passkeys/remove").param("passkey", otherKey.toBase64UrlString()))
			.andExpect(redirectedUrl("/account/passkeys"));
		assertThat(this.passkeys.findByCredentialId(otherKey)).isNotNull();
		assertThat(html(browser.get("/account/passkeys"))).contains("There is no such passkey among yours.");
		for (String hostile : new String[] { "' OR 1=1 --", "x".repeat(10_000), "" }) {
			this.mvc.perform(browser.post("/account/passkeys/remove").param("passkey", hostile))
				.andExpect(redirectedUrl("/account/passkeys"));
		}
		this.mvc
			.perform(post("/account/passkeys/remove").cookie(browser.cookies())
				.param("passkey", myKey.toBase64UrlString()))
			.andExpect(status().isForbidden());
		assertThat(this.passkeys.findByCredentialId(myKey)).isNotNull();

		this.mvc.perform(browser.post("/account/passkeys/remove").param("passkey", myKey.toBase64UrlString()))
			.andExpect(redirectedUrl("/account/passkeys"));
		assertThat(this.passkeys.findByCredentialId(myKey)).isNull();
		assertThat(this.passkeys.findByCredentialId(otherKey)).isNotNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'passkey.remove' AND subject = ?")
			.param(mine.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPasskeyNeedsALabelOfAtMostOneHundredCharacters() {
		Account account = this.signedIn.leader(SignedIn.newEmail(), 54);
		addPasskey(account, "first");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.passkeys.save(credential(account, Bytes.random(), "  ")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.passkeys.save(credential(account, Bytes.random(), "l".repeat(10_000))));
		assertThat(this.passkeys.findByUserId(this.passkeyUsers.findByUsername(account.id()).getId())).hasSize(1);
	}

	@Test
	void personalDataIsDescribedAndForgotten() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 55);
		this.signedIn.signIn(email);
		addPasskey(account, "Key");
		PersonalDataHolder holder = this.holders.stream()
			.filter((h) -> h.section().equals("account"))
			.findFirst()
			.orElseThrow();
		String emailIndex = this.index.ofEmail(EmailAddresses.normalize(email));
		Map<String, Object> held = holder.describe(emailIndex);
		assertThat(held).containsEntry("name", "Leader 55")
			.containsEntry("email", email)
			.containsEntry("language", "en")
			.containsEntry("devices", 1);
		assertThat(held.get("roles")).asList().containsExactly("LEADER");
		assertThat(holder.describe(this.index.ofEmail("nobody@example.org"))).isEmpty();

		holder.forget(emailIndex);
		assertThat(holder.describe(emailIndex)).isEmpty();
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM accounts WHERE id = ?")
			.param(account.id())
			.query()
			.singleRow();
		assertThat(row.get("email_index")).isNull();
		assertThat(row.get("email_sealed")).isNull();
		assertThat(row.get("name_sealed")).isNull();
		assertThat(row.get("disabled_at")).isNotNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account_devices WHERE account_id = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM user_entities WHERE name = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.store.grants(account.id())).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'account.forget' AND subject = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The address can be invited again, as a new account.
		Account again = this.signedIn.leader(email, 56);
		assertThat(again.id()).isNotEqualTo(account.id());
	}

}
