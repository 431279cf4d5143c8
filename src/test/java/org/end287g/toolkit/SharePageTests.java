package org.end287g.toolkit;

import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The campaign page's share links, QR code, printed materials and social card tags. */
@SpringBootTest
@AutoConfigureMockMvc
class SharePageTests {

	static final String GASTON = MaterialsTests.GASTON;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@BeforeEach
	void campaignsOfTheFixture() {
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
	}

	String page(String lang) throws Exception {
		return this.mvc.perform(get("/campaigns/" + GASTON).param("lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void pageCarriesOpenGraphAndCardTagsWithAbsoluteAddresses() throws Exception {
		String html = page("en");
		assertThat(html).contains("<meta property=\"og:url\" content=\"" + MaterialsTests.URL + "\">",
				"<meta property=\"og:image\" content=\"" + MaterialsTests.URL + "/share.png?lang=en\">",
				"<meta property=\"og:image:width\" content=\"1200\">",
				"<meta property=\"og:image:height\" content=\"630\">",
				"<meta property=\"og:title\" content=\"Ask Gaston County Sheriff&#39;s Office to end its 287(g) agreement\">",
				"<meta property=\"og:locale\" content=\"en_US\">",
				"<meta name=\"twitter:card\" content=\"summary_large_image\">",
				"<meta name=\"twitter:image:alt\" content=\"Petition asking Gaston County Sheriff&#39;s Office to end its 287(g) agreement: 0 of 200 signatures.\">");
		String spanish = page("es");
		assertThat(spanish).contains(
				"<meta property=\"og:image\" content=\"" + MaterialsTests.URL + "/share.png?lang=es\">",
				"<meta property=\"og:locale\" content=\"es_US\">", "Pidamos a Gaston County Sheriff&#39;s Office");
	}

	@Test
	void shareLinksArePlainAddressesWithTheMessageAndNoThirdPartyScript() throws Exception {
		String html = page("en");
		String url = ShareLinksEncoding.encode(MaterialsTests.URL);
		assertThat(html).contains("href=\"https://x.com/intent/post?text=Sign%20the%20petition%20asking",
				"&amp;url=" + url + "%3Fref%3Dx\"",
				"href=\"https://www.facebook.com/sharer/sharer.php?u=" + url + "%3Fref%3Dfacebook\"",
				"href=\"https://wa.me/?text=Will%20you%20sign%3F%20We%20are%20asking",
				"<li class=\"link\"><a href=\"" + MaterialsTests.URL + "?ref=link\"",
				"href=\"https://t.me/share/url?url=" + url + "%3Fref%3Dtelegram",
				"href=\"mailto:?subject=Sign%20the%20petition%3A%20end%20287%28g%29%20in%20Gaston%20County&amp;body=",
				"href=\"sms:?&amp;body=", "href=\"https://bsky.app/intent/compose?text=",
				"src=\"/campaigns/" + GASTON + "/qr.png?lang=en\"",
				"href=\"/campaigns/" + GASTON + "/flyer.pdf?lang=en\"",
				"href=\"/campaigns/" + GASTON + "/signature-sheet.pdf?lang=en\"",
				"href=\"/campaigns/" + GASTON + "/handout.pdf?lang=en\"");
		assertThat(html.indexOf("https://wa.me/")).as("WhatsApp and SMS come first")
			.isLessThan(html.indexOf("sms:?"))
			.isLessThan(html.indexOf("https://www.facebook.com/"));
		assertThat(html.indexOf("sms:?")).isLessThan(html.indexOf("https://x.com/"));
		assertThat(html).doesNotContainPattern("<script[^>]+src=\"https?://")
			.doesNotContainPattern("<img[^>]+src=\"https?://")
			.doesNotContainPattern("<iframe");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		String spanish = page("es");
		assertThat(spanish).contains("Enviar por WhatsApp", "href=\"https://wa.me/?text=%C2%BFFirma%20usted%3F",
				"href=\"/campaigns/" + GASTON + "/flyer.pdf?lang=es\"",
				"src=\"/campaigns/" + GASTON + "/qr.png?lang=es\"");
		assertThat(AccessibleHtml.problems(spanish)).isEmpty();
	}

	/** The encoding the links must use, written out here rather than borrowed. */
	static final class ShareLinksEncoding {

		static String encode(String value) {
			return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

}
