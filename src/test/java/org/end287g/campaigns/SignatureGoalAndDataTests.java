package org.end287g.campaigns;

import java.util.List;
import java.util.Map;

import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.TestAccounts;
import org.end287g.privacy.MyDataPages;
import org.end287g.privacy.SignedLinks;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.support.TransactionTemplate;

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
 * A campaign reaching its goal becomes ready to deliver and tells its leaders and staff;
 * a signer sees, downloads and deletes their signatures on the "my data" page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignatureGoalAndDataTests extends SigningTestBase {

	static final String API = "/api/v1/campaigns/nc-gaston-county-sheriffs-office";

	@Autowired
	SignedLinks links;

	@Autowired
	Supporters supporters;

	@Autowired
	AccountDirectory directory;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TransactionTemplate transactions;

	QueuedMail mail;

	@BeforeEach
	void fixture() {
		this.mail = this.fixture.mail;
	}

	@Test
	void theConfirmationThatReachesTheGoalMakesTheCampaignReadyAndMailsLeadersAndAdminsOnce() throws Exception {
		long gaston = this.fixture.gaston();
		String leader = SignatureFixture.newEmail();
		String admin = SignatureFixture.newEmail();
		this.transactions.executeWithoutResult((status) -> {
			this.directory.appointLeader("test-admin", leader, "Lena", "es", gaston);
			this.accounts.admin(admin, "Adam");
		});
		this.jdbc.sql("update campaigns set goal = 3 where id = ?").param(gaston).update();
		List<String> signers = List.of(SignatureFixture.newEmail(), SignatureFixture.newEmail(),
				SignatureFixture.newEmail(), SignatureFixture.newEmail());
		for (String signer : signers) {
			this.fixture.sign(SignatureFixture.form(signer));
		}
		this.fixture.confirm(signers.get(0));
		this.fixture.confirm(signers.get(1));
		this.mvc.perform(get(API)).andExpect(jsonPath("$.status").value("OPEN"));
		assertThat(this.mail.to(leader, "campaign-goal-reached")).isEmpty();

		this.fixture.confirm(signers.get(2));
		this.mvc.perform(get(API))
			.andExpect(jsonPath("$.status").value("READY"))
			.andExpect(jsonPath("$.signatures").value(3));
		assertThat(
				this.jdbc.sql("select goal_reached_at from campaigns where id = ?").param(gaston).query().singleValue())
			.isNotNull();
		QueuedMail.Message toLeader = this.mail.last(leader, "campaign-goal-reached");
		assertThat(toLeader.language()).isEqualTo("es");
		assertThat(toLeader.body()).contains("alcanzó su meta: 3 firmas confirmadas de 3", "lista para entregar",
				"/campaigns/nc-gaston-county-sheriffs-office", "/leader/campaigns/" + gaston);
		QueuedMail.Message toAdmin = this.mail.last(admin, "campaign-goal-reached");
		assertThat(toAdmin.language()).isEqualTo("en");
		assertThat(toAdmin.body()).contains("has reached its goal: 3 confirmed signatures of 3", "ready to deliver");

		// past the goal: still READY, nobody is told again, the form still takes
		// signatures
		this.fixture.confirm(signers.get(3));
		this.mvc.perform(get(API))
			.andExpect(jsonPath("$.status").value("READY"))
			.andExpect(jsonPath("$.signatures").value(4));
		assertThat(this.mail.to(leader, "campaign-goal-reached")).hasSize(1);
		assertThat(this.mail.to(admin, "campaign-goal-reached")).hasSize(1);
		this.mvc.perform(get(SignatureFixture.GASTON))
			.andExpect(content().string(containsString("action=\"" + SignatureFixture.GASTON + "/sign\"")));
	}

	@Test
	void concurrentConfirmationsAtTheGoalMakeTheCampaignReadyOnce() throws Exception {
		long gaston = this.fixture.gaston();
		String leader = SignatureFixture.newEmail();
		this.transactions
			.executeWithoutResult((status) -> this.directory.appointLeader("test-admin", leader, "Lena", "en", gaston));
		this.jdbc.sql("update campaigns set goal = 6 where id = ?").param(gaston).update();
		List<String> signers = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			signers.add(SignatureFixture.newEmail());
			this.fixture.sign(SignatureFixture.form(signers.get(i)));
		}
		SigningTests.parallel(8, (i) -> this.fixture.confirm(signers.get(i)).andReturn().getResponse().getStatus());
		this.mvc.perform(get(API))
			.andExpect(jsonPath("$.status").value("READY"))
			.andExpect(jsonPath("$.signatures").value(8));
		assertThat(this.mail.to(leader, "campaign-goal-reached")).hasSize(1);
	}

	@Test
	void mySignaturesAreShownExportedAndDeletedWhileTheyStayCounted() throws Exception {
		String email = SignatureFixture.newEmail();
		Map<String, String> form = SignatureFixture.form(email);
		form.put("firstName", "Marisol");
		form.put("comment", "Mi barrio");
		form.put("showPublicly", "true");
		this.fixture.sign(form);
		this.fixture.confirm(email);
		this.mvc.perform(get(SignatureFixture.GASTON))
			.andExpect(content().string(allOf(containsString("Marisol G., Gastonia"), containsString("Mi barrio"))));

		MyDataPages pages = new MyDataPages(this.mvc, this.links, this.index, this.jdbc, this.cipher);
		String token = pages.token(email);
		this.mvc.perform(get("/my-data/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Petition signatures"), containsString("Marisol"),
					containsString("Mi barrio"), containsString("Gastonia"))));
		pages.export(token, email)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections.signatures.signatures[0].city").value("Gastonia"))
			.andExpect(jsonPath("$.sections.signatures.signatures[0].firstName").value("Marisol"))
			.andExpect(jsonPath("$.sections.signatures.signatures[0].comment").value("Mi barrio"))
			.andExpect(jsonPath("$.sections.signatures.signatures[0].address")
				.value("/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.sections.signatures.signatures[0].confirmedAt").isNotEmpty());

		pages.delete(token, email).andExpect(redirectedUrl("/my-data/deleted"));
		Map<String, Object> row = this.jdbc.sql("select * from signatures").query().singleRow();
		assertThat(row.get("supporter_key")).isNull();
		assertThat(row.get("supporter_sealed")).isNull();
		assertThat(row.get("email_key")).isNull();
		assertThat(row.get("email_domain_index")).isNull();
		assertThat(row.get("first_name_sealed")).isNull();
		assertThat(row.get("last_name_sealed")).isNull();
		assertThat(row.get("zip_sealed")).isNull();
		assertThat(row.get("comment_sealed")).isNull();
		assertThat(row.get("client_hash")).isNull();
		assertThat(row.get("anonymized_at")).isNotNull();
		assertThat(row.get("confirmed_at")).isNotNull();
		assertThat(this.supporters.findByEmail(email)).isEmpty();
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(1));
		this.mvc.perform(get(SignatureFixture.GASTON))
			.andExpect(content().string(allOf(containsString("1 of 200 signatures"), not(containsString("Marisol")),
					not(containsString("Mi barrio")))));
		this.mvc.perform(get("/my-data/" + token))
			.andExpect(content().string(allOf(containsString("Petition signatures"), not(containsString("Marisol")))));
	}

	@Test
	void anUnconfirmedSignatureDeletedByItsSignerCanNoLongerBeConfirmed() throws Exception {
		String email = SignatureFixture.newEmail();
		this.fixture.sign(SignatureFixture.form(email));
		String[] link = this.fixture.confirmation(email);
		MyDataPages pages = new MyDataPages(this.mvc, this.links, this.index, this.jdbc, this.cipher);
		pages.delete(pages.token(email), email).andExpect(redirectedUrl("/my-data/deleted"));
		this.mvc
			.perform(post(link[0]).param("token", link[1])
				.with(csrf())
				.with(org.end287g.accounts.SignedIn.from(org.end287g.accounts.SignedIn.newAddress())))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(0));
	}

}
