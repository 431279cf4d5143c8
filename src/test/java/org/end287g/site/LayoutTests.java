package org.end287g.site;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page's frame: one header row with a menu that opens without JavaScript (Campaigns
 * first), the mark, and a favicon that browsers find at both addresses they ask for.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LayoutTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theMenuIsADetailsElementWithCampaignsInBothLanguages() throws Exception {
		String english = page("/about?lang=en");
		assertThat(english).contains("<nav class=\"nav-wide\" aria-label=\"Main\">", "<details class=\"nav-menu\">",
				"<span class=\"menu-label\">Menu</span>", "<a href=\"/campaigns\">Campaigns</a>",
				"class=\"brand-mark\"", "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">",
				"<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">");
		assertThat(english.indexOf("href=\"/campaigns\"")).as("Campaigns come first")
			.isLessThan(english.indexOf("href=\"/near\""));
		assertThat(AccessibleHtml.problems(english)).isEmpty();
		String spanish = page("/about?lang=es");
		assertThat(spanish).contains("<span class=\"menu-label\">Menú</span>", "<a href=\"/campaigns\">Campañas</a>");
		assertThat(page("/campaigns?lang=en")).contains("<a href=\"/campaigns\" aria-current=\"page\">Campaigns</a>");
	}

	@Test
	void theFaviconAnswersAtBothAddresses() throws Exception {
		MockHttpServletResponse ico = this.mvc.perform(get("/favicon.ico")).andReturn().getResponse();
		assertThat(ico.getStatus()).isEqualTo(200);
		byte[] icon = ico.getContentAsByteArray();
		assertThat(icon).startsWith(0, 0, 1, 0, 1, 0);
		MockHttpServletResponse svg = this.mvc.perform(get("/favicon.svg")).andReturn().getResponse();
		assertThat(svg.getStatus()).isEqualTo(200);
		assertThat(svg.getContentType()).startsWith("image/svg+xml");
		assertThat(svg.getContentAsString()).startsWith("<svg");
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
