package org.end287g.tracker.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
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

	/**
	 * The sheet's hyperlinks, which come after its cells: the rows (nearly all of the
	 * sheet) are skipped as bytes rather than parsed, and the rest is read with the root
	 * element's namespaces. A sheet laid out otherwise is parsed whole.
	 */
	private Map<String, String> hyperlinkRefs(ZipFile zip, String path) throws IOException, XMLStreamException {
		ZipEntry entry = zip.getEntry(path);
		if (entry == null) {
			return new HashMap<>();
		}
		byte[] sheet;
		try (InputStream in = zip.getInputStream(entry)) {
			// the size is known (the zip guard checked it): one array, not a growing one
			sheet = (entry.getSize() >= 0 && entry.getSize() < Integer.MAX_VALUE - 8)
					? in.readNBytes((int) entry.getSize()) : in.readAllBytes();
		}
		return scan(new ByteArrayInputStream(withoutCells(sheet)), "hyperlink", (xml, found) -> {
			String id = relId(xml);
			if (id != null) {
				found.put(xml.getAttributeValue(null, "ref"), id);
			}
		});
	}

	/**
	 * The sheet without its {@code sheetData} element: the root's start tag, then what
	 * follows the cells. The sheet as it is when it has no such element or its root's
	 * start tag cannot be told.
	 */
	static byte[] withoutCells(byte[] sheet) {
		byte[] name = "sheetData".getBytes(StandardCharsets.US_ASCII);
		byte[] closing = "sheetData>".getBytes(StandardCharsets.US_ASCII);
		int close = lastIndexOf(sheet, closing);
		int open = indexOf(sheet, name, 0);
		int root = rootStart(sheet);
		if (close < 1 || open < 0 || root < 0 || close < open || sheet[close - 1] == '<') {
			return sheet;
		}
		int closeStart = lastIndexOf(sheet, (byte) '<', close);
		if (closeStart < 0 || sheet[closeStart + 1] != '/' || closeStart < root) {
			return sheet;
		}
		int rootEnd = indexOf(sheet, (byte) '>', root);
		if (rootEnd < 0 || rootEnd > open || sheet[rootEnd - 1] == '/') {
			return sheet;
		}
		int after = close + closing.length;
		byte[] kept = new byte[rootEnd + 1 + sheet.length - after];
		System.arraycopy(sheet, 0, kept, 0, rootEnd + 1);
		System.arraycopy(sheet, after, kept, rootEnd + 1, sheet.length - after);
		return kept;
	}

	/** Where the root element's start tag begins, after the declaration and comments. */
	private static int rootStart(byte[] sheet) {
		int at = indexOf(sheet, (byte) '<', 0);
		while (at >= 0 && at + 1 < sheet.length && (sheet[at + 1] == '?' || sheet[at + 1] == '!')) {
			at = indexOf(sheet, (byte) '<', at + 1);
		}
		return at;
	}

	private static int indexOf(byte[] bytes, byte wanted, int from) {
		for (int i = Math.max(0, from); i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(byte[] bytes, byte wanted, int before) {
		for (int i = Math.min(before, bytes.length) - 1; i >= 0; i--) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(byte[] bytes, byte[] wanted, int from) {
		for (int i = Math.max(0, from); i <= bytes.length - wanted.length; i++) {
			if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
				return i;
			}
		}
		return -1;
	}

	/** Where the last {@code wanted} starts: the sheet's end is searched first. */
	private static int lastIndexOf(byte[] bytes, byte[] wanted) {
		for (int i = bytes.length - wanted.length; i >= 0; i--) {
			if (bytes[i] == wanted[0] && Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
				return i;
			}
		}
		return -1;
	}

	private Map<String, String> scan(ZipFile zip, String path, String element, ElementVisitor visitor)
			throws IOException, XMLStreamException {
		ZipEntry entry = Optional.ofNullable(zip.getEntry(path)).orElse(null);
		if (entry == null) {
			return new HashMap<>();
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return scan(in, element, visitor);
		}
	}

	private Map<String, String> scan(InputStream in, String element, ElementVisitor visitor) throws XMLStreamException {
		Map<String, String> found = new HashMap<>();
		XMLStreamReader xml = this.factory.createXMLStreamReader(in);
		while (xml.hasNext()) {
			if (xml.next() == XMLStreamConstants.START_ELEMENT && element.equals(xml.getLocalName())) {
				visitor.visit(xml, found);
			}
		}
		xml.close();
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
