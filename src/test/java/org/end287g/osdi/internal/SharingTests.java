package org.end287g.osdi.internal;

import java.util.List;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.accounts.SignedIn;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff name a campaign's partners and give an organization its keys; the signing form
 * offers one unticked box per partner, and a ticked box is stored as ids only.
 */
class SharingTests extends OsdiTestSupport {

	static final String PAGE = "/campaigns/" + GASTON;

	MockHttpServletRequestBuilder sign(String email, String... shares) {
		MockHttpServletRequestBuilder request = post(PAGE + "/sign").with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()))
			.param("firstName", "Ana")
			.param("lastName", "García")
			.param("email", email)
			.param("zip", "28052");
		for (String share : shares) {
			request.param("share", share);
		}
		return request;
	}

	long shares() {
		return this.jdbc.sql("select count(*) from signature_shares").query(Long.class).single();
	}

	@Test
	void staffNamePartnersAndASignerSharesOnlyWithTheTickedOnes() throws Exception {
		long first = organization("Alianza Norte");
		long second = organization("Red Sur");
		long stranger = organization("Not A Partner");
		this.mvc
			.perform(post("/admin/campaigns/" + GASTON + "/partners").with(Staff.admin())
				.with(csrf())
				.param("organization", Long.toString(first), Long.toString(second)))
			.andExpect(status().isFound());
		assertThat(auditCount("campaign.partners")).isPositive();
		String admin = html(get("/admin/campaigns/" + GASTON).with(Staff.admin()));
		assertThat(admin).contains("Partner organizations", "Alianza Norte");
		assertThat(AccessibleHtml.problems(admin)).isEmpty();

		String page = html(get(PAGE));
		assertThat(page)
			.contains("With our partners:", "\">Alianza Norte", "Share my name, e-mail and ZIP code with Alianza Norte",
					"name=\"share\"")
			.doesNotContain("checked=\"checked\"", "Not A Partner");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get(PAGE + "?lang=es"))).contains("Compartir mi nombre, correo y código postal con Red Sur");

		this.mvc.perform(sign("nadie-" + System.nanoTime() + "@example.org")).andExpect(status().isSeeOther());
		assertThat(shares()).as("nothing shared unless ticked").isZero();

		this.mvc
			.perform(sign("ana-" + System.nanoTime() + "@example.org", Long.toString(first), Long.toString(stranger)))
			.andExpect(status().isSeeOther());
		List<Map<String, Object>> rows = this.jdbc.sql("select * from signature_shares").query().listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsOnlyKeys("signature_id", "organization_id", "created_at")
			.containsEntry("organization_id", first);
	}

	@Test
	void hostileOrHugeShareChoicesAreAClearErrorAndNothingIsStored() throws Exception {
		long partner = organization("Partner");
		this.jdbc.sql("insert into campaign_partner_organizations values (?, ?, current_timestamp)")
			.params(gaston().id(), partner)
			.update();
		for (String[] shares : new String[][] { { "1;drop table signatures" }, { "<script>" },
				{ "99999999999999999999" },
				java.util.Collections.nCopies(30, Long.toString(partner)).toArray(new String[0]) }) {
			String html = html(sign("hostile-" + System.nanoTime() + "@example.org", shares));
			assertThat(html).contains("We could not read your choices of partners");
		}
		assertThat(this.jdbc.sql("select count(*) from signatures").query(Long.class).single()).isZero();
		assertThat(shares()).isZero();
		this.mvc
			.perform(post("/admin/campaigns/" + GASTON + "/partners").with(Staff.admin())
				.with(csrf())
				.param("organization", "12abc"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/admin/campaigns/" + GASTON + "/partners").with(Staff.admin())
				.with(csrf())
				.param("organization", "987654321"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select count(*) from campaign_partner_organizations").query(Long.class).single())
			.as("nothing half-saved")
			.isEqualTo(1);
	}

	@Test
	void staffCreateAKeyShownOnceAndRevokeIt() throws Exception {
		long organization = organization("Keys");
		String path = "/admin/organizations/" + organization + "/api-keys";
		assertThat(html(get("/admin/organizations").with(Staff.admin()))).contains(path);
		for (String label : new String[] { "", "x".repeat(101), "<script>alert(1)</script>" }) {
			String html = html(post(path).with(Staff.admin()).with(csrf()).param("label", label));
			assertThat(html).contains("aria-invalid=\"true\"", "id=\"label-error\"");
		}
		assertThat(this.keys.of(organization)).isEmpty();
		this.mvc.perform(post(path).with(Staff.admin()).with(csrf()).param("label", "Action Network"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("newKey", startsWith(ApiKeys.PREFIX)));
		String page = html(get(path).with(Staff.admin()));
		assertThat(page).contains("Action Network", "Revoke");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		long key = this.keys.of(organization).get(0).id();
		this.mvc.perform(post(path + "/" + key + "/revoke").with(Staff.admin()).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.keys.of(organization).get(0).revoked()).isTrue();
		this.mvc.perform(post(path + "/" + key + "/revoke").with(Staff.admin()).with(csrf()))
			.andExpect(status().isNotFound());
		long other = organization("Other");
		this.mvc
			.perform(post("/admin/organizations/" + other + "/api-keys/" + key + "/revoke").with(Staff.admin())
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(path).with(Staff.adminWithoutPasskey())).andExpect(status().is4xxClientError());
	}

}
