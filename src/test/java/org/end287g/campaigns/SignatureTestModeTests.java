package org.end287g.campaigns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The test-mode switch (signatures confirmed at once, no mail) and the per-instance cache
 * of counts: another instance's signatures show only when the cache is old enough, this
 * instance's own at once.
 */
@DirtiesContext
@SpringBootTest(properties = { "end287g.campaigns.confirm-without-mail=true", "end287g.campaigns.count-max-age=1h" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignatureTestModeTests extends SigningTestBase {

	static final String API = "/api/v1/campaigns/nc-gaston-county-sheriffs-office";

	static final String GASTON_IN_LIST = "$[?(@.slug == 'nc-gaston-county-sheriffs-office')].signatures";

	@Test
	void theSwitchIsAWarningInTheLogAtStart(CapturedOutput output) {
		assertThat(output.getAll()).contains("WARN")
			.contains("end287g.campaigns.confirm-without-mail is on: signatures count at once");
	}

	@Test
	void signaturesCountAtOnceWithoutMailAndCountsComeFromTheInstancesCache() throws Exception {
		String email = SignatureFixture.newEmail();
		java.util.Map<String, String> form = SignatureFixture.form(email);
		form.put("showPublicly", "true");
		this.fixture.sign(form).andExpect(redirectedUrl(SignatureFixture.GASTON + "/signed"));
		this.fixture.sign(SignatureFixture.form(email.toUpperCase()))
			.andExpect(redirectedUrl(SignatureFixture.GASTON + "/signed"));
		assertThat(this.fixture.rows()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from signatures where confirmed_at is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.fixture.mail.to(email)).isEmpty();
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(1));
		this.mvc.perform(get("/api/v1/campaigns?state=NC"))
			.andExpect(jsonPath(GASTON_IN_LIST).value(org.hamcrest.Matchers.contains(1)));
		this.mvc.perform(get(SignatureFixture.GASTON)).andExpect(content().string(containsString("Ana G., Gastonia")));

		// another instance adds 5: this instance's caches (max age 1h here) still say 1
		this.jdbc.sql("update signature_counts set confirmed = confirmed + 5 where campaign_id = ?")
			.param(this.fixture.gaston())
			.update();
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(1));
		this.mvc.perform(get("/api/v1/campaigns?state=NC"))
			.andExpect(jsonPath(GASTON_IN_LIST).value(org.hamcrest.Matchers.contains(1)));
		// a signature on this instance shows at once, with everything the database holds
		this.fixture.sign(SignatureFixture.form(SignatureFixture.newEmail()));
		this.mvc.perform(get(API)).andExpect(jsonPath("$.signatures").value(7));
		// the lists read one board of every campaign, at most the same max age old
		this.mvc.perform(get("/api/v1/campaigns?state=NC"))
			.andExpect(jsonPath(GASTON_IN_LIST).value(org.hamcrest.Matchers.contains(1)));
		// leave no stale count behind for the next test of this context
		this.jdbc.sql("delete from signature_counts").update();
		this.fixture.sign(SignatureFixture.form(SignatureFixture.newEmail()));
	}

}
