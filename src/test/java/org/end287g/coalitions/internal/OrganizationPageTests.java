package org.end287g.coalitions.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.end287g.Staff;
import org.end287g.accounts.QueuedMail;
import org.end287g.campaigns.Campaign;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers (and staff) write their organization's public page with a logo that is
 * checked, resized and cleaned; the organization is verified by its domain or by staff;
 * every change is audited and every bad input is refused with nothing saved.
 */
class OrganizationPageTests extends CoalitionsTestSupport {

	static byte[] image(String format, int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xff0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	MockMultipartHttpServletRequestBuilder edit(long id, RequestPostProcessor who, String website,
			MockMultipartFile logo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/organizer/organizations/" + id + "/page");
		if (logo != null) {
			request.file(logo);
		}
		request.with(who)
			.with(csrf())
			.param("city", "Gastonia")
			.param("missionEn", "Legal help for immigrant families")
			.param("missionEs", "Ayuda legal para familias inmigrantes")
			.param("website", website);
		return request;
	}

	String name(long id) {
		return this.jdbc.sql("select name from organizations where id = ?").param(id).query(String.class).single();
	}

	long pages() {
		return this.jdbc.sql("select count(*) from organization_pages").query(Long.class).single();
	}

	@Test
	void anOrganizerWritesThePageWithALogoResizedAndCleaned() throws Exception {
		long id = organization("Casa Esperanza");
		RequestPostProcessor organizer = organizerOf(id);
		String form = html(get("/organizer/organizations/" + id + "/page").with(organizer));
		assertThat(form).contains("Public page of Casa Esperanza", "enctype=\"multipart/form-data\"");
		assertThat(AccessibleHtml.problems(form)).isEmpty();
		byte[] big = image("jpeg", 1200, 600);
		this.mvc
			.perform(edit(id, organizer, "https://www.casa.example.org/about",
					new MockMultipartFile("logo", "logo.JPG", "application/octet-stream", big)))
			.andExpect(status().is3xxRedirection());
		byte[] stored = this.jdbc.sql("select logo from organization_pages where organization_id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		BufferedImage logo = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(logo.getWidth()).isEqualTo(256);
		assertThat(logo.getHeight()).isEqualTo(128);
		assertThat(new String(stored, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
		assertThat(audits("organization.page", "organization:" + id)).isEqualTo(1);

		String slug = Slugs.organization(id, name(id));
		String page = html(get("/organisations/" + slug));
		assertThat(page).contains("Gastonia", "Legal help for immigrant families", "Website: casa.example.org",
				"/organisations/" + slug + "/logo.png?v=");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get("/organisations/" + slug + "?lang=es"))).contains("Ayuda legal para familias inmigrantes");
		this.mvc.perform(get("/organisations/" + slug + "/logo.png"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", "max-age=86400, public"));
		// an old or wrong name in the address leads to the page's own
		assertThat(this.mvc.perform(get("/organisations/" + id + "-old-name"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/organisations/" + slug);
		this.mvc.perform(get("/organisations/x' OR 1=1")).andExpect(status().isNotFound());
		this.mvc.perform(get("/organisations/999999999-none")).andExpect(status().isNotFound());
		assertThat(html(get("/organisations"))).contains("Partner organisations", name(id), "Gastonia");

		// saving the same again changes nothing and audits nothing
		this.mvc.perform(edit(id, organizer, "https://www.casa.example.org/about", null))
			.andExpect(status().is3xxRedirection());
		assertThat(audits("organization.page", "organization:" + id)).isEqualTo(1);
	}

	@Test
	void aPartnerOfACampaignIsLinkedFromTheCampaignAndListsItOnItsPage() throws Exception {
		long id = organization("Red de Apoyo");
		Campaign campaign = gaston();
		this.jdbc.sql("delete from campaign_partner_organizations where campaign_id = ?").param(campaign.id()).update();
		this.jdbc
			.sql("insert into campaign_partner_organizations (campaign_id, organization_id, added_at) "
					+ "values (?, ?, current_timestamp)")
			.params(campaign.id(), id)
			.update();
		String campaignPage = html(get("/campaigns/" + campaign.slug()));
		assertThat(campaignPage).contains("href=\"/organisations/" + id + "\">Red de Apoyo");
		// the short address leads to the page's own, which lists the campaign
		assertThat(this.mvc.perform(get("/organisations/" + id)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/organisations/" + Slugs.organization(id, name(id)));
		String page = html(get("/organisations/" + Slugs.organization(id, name(id)) + "?lang=es"));
		assertThat(page).contains("Campañas que apoya", "href=\"/campaigns/" + campaign.slug() + "\"");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		this.jdbc.sql("delete from campaign_partner_organizations where campaign_id = ?").param(campaign.id()).update();
		assertThat(html(get("/organisations/" + Slugs.organization(id, name(id)))))
			.doesNotContain("Campaigns it supports");
	}

	@Test
	void badPagesAreTranslatedErrorsAndNothingIsSaved() throws Exception {
		long id = organization("Careful Group");
		RequestPostProcessor organizer = organizerOf(id);
		assertThat(html(edit(id, organizer, "javascript:alert(1)", null)))
			.contains("Please enter a web address that starts with https:// or http://.");
		assertThat(html(edit(id, organizer, "https://ok.example.org",
				new MockMultipartFile("logo", "logo.png", "image/png", "<svg onload=alert(1)>".getBytes()))))
			.contains("We can read only PNG and JPEG pictures.");
		byte[] huge = new byte[(int) Logos.MAX_BYTES + 1];
		System.arraycopy(image("png", 10, 10), 0, huge, 0, 8);
		assertThat(html(edit(id, organizer, "https://ok.example.org",
				new MockMultipartFile("logo", "logo.png", "image/png", huge))))
			.contains("The logo is too large");
		// a PNG header over garbage
		byte[] broken = image("png", 10, 10);
		java.util.Arrays.fill(broken, 20, broken.length, (byte) 7);
		this.mvc
			.perform(edit(id, organizer, "https://ok.example.org",
					new MockMultipartFile("logo", "logo.png", "image/png", broken)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(edit(id, organizer, "https://ok.example.org", null).param("missionEn", "x".repeat(100_000)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(edit(id, organizer, "https://ok.example.org", null).param("city", "Gas\u0000tonia"))
			.andExpect(status().isBadRequest());
		assertThat(html(edit(id, organizer, "not a url", null).param("lang", "es")))
			.contains("Por favor, escriba una dirección web que empiece con https:// o http://.");
		// another organization's organizer, a leader: not found
		long other = organization("Other Group");
		this.mvc.perform(edit(id, organizerOf(other), "https://ok.example.org", null)).andExpect(status().isNotFound());
		this.mvc.perform(get("/organizer/organizations/" + id + "/page").with(leaderOf(gaston().id())))
			.andExpect(status().isNotFound());
		assertThat(pages()).isZero();
		assertThat(audits("organization.page", "organization:" + id)).isZero();
	}

	@Test
	void anOrganizerAtTheWebsitesDomainVerifiesTheOrganizationByMail() throws Exception {
		long id = organization("Domain Group");
		String email = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@domaingroup.example.org";
		RequestPostProcessor organizer = organizerOf(id, email);
		// no website yet
		this.mvc.perform(post("/organizer/organizations/" + id + "/page/verify").with(organizer).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(edit(id, organizer, "https://www.domaingroup.example.org", null))
			.andExpect(status().is3xxRedirection());
		// an organizer whose address is elsewhere
		String elsewhere = html(post("/organizer/organizations/" + id + "/page/verify")
			.with(organizerOf(id, "other-" + UUID.randomUUID() + "@gmail.example.com"))
			.with(csrf()));
		assertThat(elsewhere).contains("Your sign-in address is not at domaingroup.example.org.");
		this.mvc.perform(post("/organizer/organizations/" + id + "/page/verify").with(organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		String body = mail.last(email, "organization-verify").body();
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("https?://\\S+/organisations/verify\\?token=(\\S+)")
			.matcher(body);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		// a forged or changed token
		this.mvc.perform(get("/organisations/verify").param("token", token + "x")).andExpect(status().isNotFound());
		this.mvc.perform(post("/organisations/verify").with(csrf()).param("token", "forged"))
			.andExpect(status().isNotFound());
		assertThat(html(get("/organisations/verify").param("token", token))).contains("Verify Domain Group");
		this.mvc.perform(post("/organisations/verify").with(csrf()).param("token", token))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select verified_how from organization_pages where organization_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("DOMAIN");
		assertThat(audits("organization.verify", "organization:" + id)).isEqualTo(1);
		// a new domain undoes it, and the old link no longer works
		this.mvc.perform(edit(id, organizer, "https://elsewhere.example.net", null))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from organization_pages where verified_at is not null")
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(post("/organisations/verify").with(csrf()).param("token", token))
			.andExpect(status().isNotFound());
	}

	@Test
	void staffVerifyAndWithdrawFromTheirPage() throws Exception {
		long id = organization("Staff Checked");
		RequestPostProcessor staff = realAdmin();
		String page = html(get("/admin/coalitions").with(staff));
		assertThat(page).contains("Organisations and letters", "Verify Staff Checked");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		// an admin without a passkey, an organizer: refused
		this.mvc
			.perform(post("/admin/coalitions/organizations/" + id + "/verify").with(Staff.adminWithoutPasskey())
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/coalitions/organizations/" + id + "/verify").with(organizerOf(id)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(pages()).isZero();
		this.mvc.perform(post("/admin/coalitions/organizations/" + id + "/verify").with(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/coalitions/organizations/" + id + "/verify").with(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(audits("organization.verify", "organization:" + id)).isEqualTo(1);
		assertThat(html(get("/organisations/" + Slugs.organization(id, name(id))))).contains("Verified");
		this.mvc.perform(post("/admin/coalitions/organizations/nope/verify").with(staff).with(csrf()))
			.andExpect(status().isNotFound());
		// staff edit any organization's page
		MockHttpServletResponse saved = this.mvc.perform(edit(id, staff, "https://staff.example.org", null))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		this.mvc.perform(post("/admin/coalitions/organizations/" + id + "/unverify").with(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(audits("organization.unverify", "organization:" + id)).isEqualTo(1);
	}

}
