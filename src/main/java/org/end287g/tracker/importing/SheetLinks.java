package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The hyperlinks of the first worksheet (cell reference to target URL), which
 * fastexcel-reader does not expose: a streaming StAX pass over the workbook relations,
 * the sheet's {@code <hyperlinks>} and the sheet's relations.
 */
class SheetLinks {

	private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private final XMLInputFactory factory = secureFactory();

	Map<String, String> read(Path workbook) {
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			String sheetId = firstSheetRelationId(zip);
			String sheetPath = relationTargets(zip, "xl/_rels/workbook.xml.rels").get(sheetId);
			if (sheetPath == null) {
				return Map.of();
			}
			sheetPath = sheetPath.startsWith("/") ? sheetPath.substring(1) : "xl/" + sheetPath;
			String relsPath = sheetPath.replaceFirst("([^/]+)$", "_rels/$1.rels");
			Map<String, String> targets = relationTargets(zip, relsPath);
			Map<String, String> links = new HashMap<>();
			hyperlinkRefs(zip, sheetPath).forEach((ref, id) -> {
				if (targets.containsKey(id)) {
					links.put(ref, targets.get(id));
				}
			});
			return links;
		}
		catch (IOException | XMLStreamException ex) {
			throw SheetRejected.unreadable(ex.getMessage());
		}
	}

	private String firstSheetRelationId(ZipFile zip) throws IOException, XMLStreamException {
		return scan(zip, "xl/workbook.xml", "sheet", (xml, found) -> found.putIfAbsent("first", relId(xml)))
			.getOrDefault("first", "");
	}

	private Map<String, String> relationTargets(ZipFile zip, String path) throws IOException, XMLStreamException {
		return scan(zip, path, "Relationship",
				(xml, found) -> found.put(xml.getAttributeValue(null, "Id"), xml.getAttributeValue(null, "Target")));
	}

	private Map<String, String> hyperlinkRefs(ZipFile zip, String path) throws IOException, XMLStreamException {
		return scan(zip, path, "hyperlink", (xml, found) -> {
			String id = relId(xml);
			if (id != null) {
				found.put(xml.getAttributeValue(null, "ref"), id);
			}
		});
	}

	private Map<String, String> scan(ZipFile zip, String path, String element, ElementVisitor visitor)
			throws IOException, XMLStreamException {
		Map<String, String> found = new HashMap<>();
		ZipEntry entry = Optional.ofNullable(zip.getEntry(path)).orElse(null);
		if (entry == null) {
			return found;
		}
		try (InputStream in = zip.getInputStream(entry)) {
			XMLStreamReader xml = this.factory.createXMLStreamReader(in);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && element.equals(xml.getLocalName())) {
					visitor.visit(xml, found);
				}
			}
			xml.close();
		}
		return found;
	}

	private static String relId(XMLStreamReader xml) {
		return xml.getAttributeValue(REL_NS, "id");
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	private interface ElementVisitor {

		void visit(XMLStreamReader xml, Map<String, String> found);

	}

}
