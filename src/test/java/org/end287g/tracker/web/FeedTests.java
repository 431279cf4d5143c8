package org.end287g.tracker.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class FeedTests {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void load() {
		TrackerFixture fixture = new TrackerFixture(this.jdbc);
		fixture.load("COMMAND");
		long sheet = this.jdbc.sql("select max(id) from ice_sheet").query(Long.class).single();
		long agreement = this.jdbc.sql("select min(id) from agreement").query(Long.class).single();
		fixture.event(agreement, sheet, "RENAMED", "2025-06-27T12:00", "<b>&\u0001 \"odd\" text</b>");
	}

	@Test
	void nationalFeedIsValidAtomNewestFirst() throws Exception {
		Document atom = parse(fetch("/feeds/changes.atom", "en"));
		Element feed = atom.getDocumentElement();
		assertThat(feed.getLocalName()).isEqualTo("feed");
		assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(text(feed, "id")).isNotBlank();
		assertThat(text(feed, "title")).isEqualTo("Changes to 287(g) agreements");
		assertThat(text(feed, "updated")).isEqualTo("2025-06-27T12:00:00Z");
		NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isEqualTo(12);
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			for (String required : new String[] { "id", "title", "updated", "summary" }) {
				assertThat(text(entry, required)).as(required).isNotBlank();
			}
			assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
				.startsWith("http://localhost/agencies/");
		}
		assertThat(text((Element) entries.item(0), "summary")).contains("<b>& \"odd\" text</b>");
		assertThat(text((Element) entries.item(entries.getLength() - 1), "updated")).isEqualTo("2025-05-16T00:00:00Z");
	}

	@Test
	void stateFeedHasOnlyThatStateInSpanish() throws Exception {
		Document atom = parse(fetch("/feeds/states/SC.atom", "es"));
		Element feed = atom.getDocumentElement();
		assertThat(feed.getAttribute("xml:lang")).isEqualTo("es");
		assertThat(text(feed, "title")).isEqualTo("Cambios en los acuerdos 287(g) de SC");
		NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isEqualTo(1);
		assertThat(text((Element) entries.item(0), "title")).contains("York County").contains("activo");
	}

	@Test
	void countyFeedHasOnlyThatCountysAgencies() throws Exception {
		Element feed = parse(fetch("/feeds/counties/37071.atom", "es")).getDocumentElement();
		assertThat(text(feed, "title")).isEqualTo("Cambios en los acuerdos 287(g) de Gaston County, NC");
		NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isPositive();
		for (int i = 0; i < entries.getLength(); i++) {
			assertThat(text((Element) entries.item(i), "title")).contains("Gaston");
		}
		this.mvc.perform(get("/feeds/counties/99999.atom")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/feeds/counties/37071'.atom")).andExpect(status().is4xxClientError());
	}

	@Test
	void unknownStateFeedIs404() throws Exception {
		this.mvc.perform(get("/feeds/states/XX.atom"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").isString());
		this.mvc.perform(get("/feeds/states/N'C.atom")).andExpect(status().isNotFound());
	}

	@Test
	void emptyTrackerStillGivesAValidFeed() throws Exception {
		new TrackerFixture(this.jdbc).clear();
		Element feed = parse(fetch("/feeds/changes.atom", "en")).getDocumentElement();
		assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isZero();
		assertThat(text(feed, "updated")).isNotBlank();
	}

	private String fetch(String path, String language) throws Exception {
		return this.mvc.perform(get(path).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent() : null;
	}

}
