package org.end287g.places;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgMapsTests {

	static final Places places = BundledPlacesTests.places;

	static final Maps maps = new SvgMaps(places, new CountyOutlines(places));

	static final String HOSTILE = "<script>alert(1)</script>\"&'";

	final Map<String, CountyShade> shades = Map.of("37071",
			new CountyShade("37071", "jem", "Gaston County: JEM", "/c/37071"), "06037",
			new CountyShade("06037", "tfm", "Los Angeles County: TFM", "/c/06037"), "37119",
			new CountyShade("37119", "wso \" onload=alert(1)", HOSTILE, "/c/37119?a=1&b=" + HOSTILE));

	@Test
	void drawsAWellFormedAccessibleNationalMap() throws Exception {
		String svg = maps.nationalMap(this.shades, Map.of("NC", "/states/nc"), "287(g) agreements");
		Element root = parse(svg).getDocumentElement();
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 975 610");
		assertThat(root.getAttribute("aria-labelledby")).isEqualTo("map-title-national");
		assertThat(text(root, "title").get(0)).isEqualTo("287(g) agreements");
		List<Element> paths = elements(root, "path");
		// One outline per state and district, then the three shaded counties on top.
		assertThat(paths.stream().filter((p) -> p.getAttribute("class").equals("county"))).hasSize(51);
		assertThat(paths.stream().filter((p) -> p.getAttribute("class").startsWith("county "))).hasSize(3);
		assertThat(paths).allSatisfy((p) -> assertThat(p.hasAttribute("style")).isFalse());
		assertThat(text(root, "title")).contains("Gaston County: JEM", "North Carolina", "Alabama")
			.doesNotContain("Cleveland County, NC");
		assertThat(links(root)).containsEntry("/states/nc", "North Carolina")
			.containsEntry("/c/37071", "Gaston County: JEM");
		// Small enough for a phone on a weak connection.
		assertThat(svg.length()).isLessThan(200_000);
	}

	@Test
	void everyShadedCountyHasALinkAndATitle() throws Exception {
		Element root = parse(maps.nationalMap(this.shades, Map.of(), "Map")).getDocumentElement();
		List<Element> shaded = elements(root, "path").stream()
			.filter((p) -> !p.getAttribute("class").equals("county") && p.getAttribute("class").startsWith("county"))
			.toList();
		assertThat(shaded).hasSize(3);
		for (Element path : shaded) {
			Element link = (Element) path.getParentNode();
			assertThat(link.getTagName()).isEqualTo("a");
			assertThat(link.getAttribute("aria-label")).isNotBlank();
			assertThat(text(path, "title").get(0)).isEqualTo(link.getAttribute("aria-label"));
		}
		assertThat(root.getAttribute("role")).isEqualTo("group");
	}

	@Test
	void escapesHostileLabelsLinksAndClasses() throws Exception {
		String svg = maps.stateMap("NC", this.shades, HOSTILE);
		assertThat(svg).doesNotContain("<script>").doesNotContain("onload=");
		Element root = parse(svg).getDocumentElement();
		assertThat(text(root, "title")).contains(HOSTILE);
		assertThat(links(root)).containsEntry("/c/37119?a=1&b=" + HOSTILE, HOSTILE);
		assertThat(elements(root, "path"))
			.anySatisfy((p) -> assertThat(p.getAttribute("class")).isEqualTo("county wso"));
	}

	@Test
	void refusesLinksThatAreNotSiteOrWebAddresses() throws Exception {
		Map<String, CountyShade> unsafe = Map.of("37071",
				new CountyShade("37071", "jem", "Gaston", "javascript:alert(1)"), "37119",
				new CountyShade("37119", "jem", "Mecklenburg", "//evil.example/"));
		Element root = parse(maps.stateMap("nc", unsafe, "NC")).getDocumentElement();
		assertThat(links(root)).isEmpty();
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(text(root, "title")).contains("Gaston", "Mecklenburg");
	}

	@Test
	void drawsOnlyThatStatesCountiesCroppedToThem() throws Exception {
		Element root = parse(maps.stateMap("NC", Map.of(), "North Carolina")).getDocumentElement();
		List<String> titles = text(root, "title").subList(1, text(root, "title").size());
		assertThat(titles).hasSize(100).allMatch((t) -> t.endsWith(", NC"));
		String[] box = root.getAttribute("viewBox").split(" ");
		assertThat(Double.parseDouble(box[2])).isLessThan(300);
		assertThat(Double.parseDouble(box[0])).isGreaterThan(600);
		assertThat(elements(root, "path"))
			.anySatisfy((p) -> assertThat(p.getAttribute("class")).isEqualTo("state-border"));
	}

	@Test
	void drawsPlainMapsWhenGivenNoShades() throws Exception {
		Element root = parse(maps.nationalMap(null, null, "Plain")).getDocumentElement();
		assertThat(links(root)).isEmpty();
		assertThat(root.getAttribute("role")).isEqualTo("img");
	}

	@Test
	void refusesStatesItCannotDraw() {
		assertThatThrownBy(() -> maps.stateMap("XX", Map.of(), "t")).isInstanceOf(UnknownPlace.class);
		assertThatThrownBy(() -> maps.stateMap("PR", Map.of(), "t")).isInstanceOf(UnknownPlace.class);
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	static List<Element> elements(Element root, String tag) {
		NodeList nodes = root.getElementsByTagName(tag);
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	static List<String> text(Element root, String tag) {
		return elements(root, tag).stream().map(Element::getTextContent).toList();
	}

	static Map<String, String> links(Element root) {
		Map<String, String> links = new java.util.LinkedHashMap<>();
		elements(root, "a").forEach((a) -> links.put(a.getAttribute("href"), a.getAttribute("aria-label")));
		return links;
	}

}
