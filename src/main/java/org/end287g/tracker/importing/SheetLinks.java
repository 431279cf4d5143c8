package org.end287g.tracker.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

import org.jspecify.annotations.Nullable;

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
	 * sheet) are skipped as bytes while they stream by, rather than parsed or held, and
	 * the rest is read with the root element's namespaces. A sheet laid out otherwise is
	 * parsed whole, streaming.
	 */
	private Map<String, String> hyperlinkRefs(ZipFile zip, String path) throws IOException, XMLStreamException {
		ZipEntry entry = zip.getEntry(path);
		if (entry == null) {
			return new HashMap<>();
		}
		byte[] kept;
		try (InputStream in = zip.getInputStream(entry)) {
			kept = withoutCells(in);
		}
		ElementVisitor hyperlink = (xml, found) -> {
			String id = relId(xml);
			if (id != null) {
				found.put(xml.getAttributeValue(null, "ref"), id);
			}
		};
		if (kept == null) {
			return scan(zip, path, "hyperlink", hyperlink);
		}
		return scan(new ByteArrayInputStream(kept), "hyperlink", hyperlink);
	}

	/**
	 * The sheet without its {@code sheetData} element: the root's start tag, then what
	 * follows the cells, read from the stream without keeping the cells. Null when it has
	 * no such element or its root's start tag cannot be told: the sheet is to be read
	 * whole.
	 */
	static byte @Nullable [] withoutCells(InputStream sheet) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		byte[] chunk = new byte[CHUNK];
		int rootEnd = NEED_MORE;
		while (rootEnd == NEED_MORE) {
			int read = sheet.read(chunk);
			if (read < 0 || head.size() > CHUNK) {
				return null;
			}
			head.write(chunk, 0, read);
			rootEnd = rootEnd(head.toByteArray());
		}
		if (rootEnd < 0) {
			return null;
		}
		byte[] start = head.toByteArray();
		CellSkipper skipper = new CellSkipper();
		skipper.accept(start, rootEnd + 1, start.length);
		for (int read = sheet.read(chunk); read >= 0; read = sheet.read(chunk)) {
			skipper.accept(chunk, 0, read);
		}
		if (skipper.after == null) {
			return null;
		}
		ByteArrayOutputStream kept = new ByteArrayOutputStream(rootEnd + 1 + skipper.after.size());
		kept.write(start, 0, rootEnd + 1);
		skipper.after.writeTo(kept);
		return kept.toByteArray();
	}

	private static final int CHUNK = 64 * 1024;

	/** What {@link #rootEnd} answers when the bytes so far do not tell yet. */
	private static final int NEED_MORE = -2;

	/**
	 * Where the root element's start tag ends (its {@code >}), after the declaration and
	 * comments; {@link #NEED_MORE} when the bytes end first, -1 when it closes itself.
	 */
	private static int rootEnd(byte[] sheet) {
		int at = indexOf(sheet, (byte) '<', 0);
		while (at >= 0 && at + 1 < sheet.length && (sheet[at + 1] == '?' || sheet[at + 1] == '!')) {
			at = indexOf(sheet, (byte) '<', at + 1);
		}
		int end = (at < 0 || at + 1 >= sheet.length) ? -1 : indexOf(sheet, (byte) '>', at);
		if (end < 0) {
			return NEED_MORE;
		}
		return (sheet[end - 1] == '/') ? -1 : end;
	}

	/**
	 * Follows the bytes after the root's start tag and keeps those after the last closing
	 * {@code sheetData} tag (any prefix): nothing before it is held, and a
	 * {@code sheetData>} that closes no element (an opening tag) discards what was kept.
	 */
	private static final class CellSkipper {

		private static final byte[] MARKER = "sheetData>".getBytes(StandardCharsets.US_ASCII);

		/**
		 * Bytes kept from the chunk before: a marker and its tag's start may straddle.
		 */
		private static final int CARRY = 64;

		private final byte[] window = new byte[CARRY + CHUNK];

		private int carried;

		private @Nullable ByteArrayOutputStream after;

		void accept(byte[] bytes, int from, int to) {
			for (int piece = from; piece < to; piece += CHUNK) {
				acceptPiece(bytes, piece, Math.min(to, piece + CHUNK));
			}
		}

		private void acceptPiece(byte[] bytes, int from, int to) {
			int length = to - from;
			System.arraycopy(bytes, from, this.window, this.carried, length);
			int end = this.carried + length;
			int keepFrom = -1;
			// markers wholly inside the carried bytes were seen with the chunk before
			for (int at = indexOf(this.window, MARKER, Math.max(0, this.carried - MARKER.length + 1),
					end); at >= 0; at = indexOf(this.window, MARKER, at + 1, end)) {
				boolean closing = closes(at);
				this.after = closing ? new ByteArrayOutputStream() : null;
				keepFrom = closing ? at + MARKER.length : -1;
			}
			if (keepFrom < 0 && this.after != null) {
				keepFrom = this.carried;
			}
			if (keepFrom >= 0 && this.after != null) {
				this.after.write(this.window, keepFrom, end - keepFrom);
			}
			int carry = Math.min(CARRY, end);
			System.arraycopy(this.window, end - carry, this.window, 0, carry);
			this.carried = carry;
		}

		/**
		 * Whether the marker at {@code at} ends a closing tag: a less-than sign, a slash
		 * and a prefix.
		 */
		private boolean closes(int at) {
			int open = -1;
			for (int i = at - 1; i >= Math.max(0, at - CARRY) && open < 0; i--) {
				open = (this.window[i] == '<') ? i : -1;
			}
			return open >= 0 && open + 1 < at && this.window[open + 1] == '/';
		}

	}

	private static int indexOf(byte[] bytes, byte wanted, int from) {
		for (int i = Math.max(0, from); i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(byte[] bytes, byte[] wanted, int from, int to) {
		for (int i = Math.max(0, from); i <= to - wanted.length; i++) {
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
