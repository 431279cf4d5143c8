package org.end287g.campaigns.leaders;

import java.nio.charset.StandardCharsets;

import org.end287g.accounts.Permissions;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With auto-approval on, confirming the address is enough to become a leader. */
@SpringBootTest(
		properties = { "end287g.campaigns.leaders.auto-approve=true", "spring.datasource.hikari.maximum-pool-size=3" })
@DirtiesContext
@AutoConfigureMockMvc
class LeaderAutoApproveTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Permissions permissions;

	@Test
	void confirmingMakesTheApplicantALeaderAtOnce() throws Exception {
		long n = System.nanoTime() % 1_000_000_000L + 3_000_000_000L;
		long campaign = TestCampaigns.id(this.jdbc, n);
		String slug = "nc-test-campaign-" + n;
		String email = SignedIn.newEmail();
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		this.mvc
			.perform(post("/campaigns/" + slug + "/lead").with(csrf())
				.with(SignedIn.from(SignedIn.newAddress()))
				.header("Accept-Language", "es")
				.param("name", "Luis")
				.param("email", email)
				.param("zip", "28052")
				.param("commitment", "yes"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.idOf(email)).isEmpty();
		String token = LeaderApplicationTests.token(mail.last(email, "leader-confirm"));
		String page = this.mvc
			.perform(post("/campaigns/" + slug + "/lead/confirm/" + token).with(csrf()).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("¡Usted es líder!");
		String account = this.accounts.idOf(email).orElseThrow();
		assertThat(this.jdbc.sql(
				"select status || ' ' || account_id || ' ' || decided_by from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(String.class)
			.single()).isEqualTo("APPROVED " + account + " system");
		assertThat(this.permissions
			.leads(new UsernamePasswordAuthenticationToken(account, null, AuthorityUtils.NO_AUTHORITIES), campaign))
			.isTrue();
		assertThat(mail.to(email, "invitation")).isEmpty();
		assertThat(mail.last(email, "leader-approved").language()).isEqualTo("es");
		assertThat(mail.last(email, "leader-approved").body()).contains("ahora usted es líder de la campaña");
	}

}
