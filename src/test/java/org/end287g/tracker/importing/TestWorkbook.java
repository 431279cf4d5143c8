package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small .xlsx workbooks for tests: inline strings, numbers, formulas with a cached
 * value, and hyperlinks, streamed so that 100,000 rows stay cheap.
 */
final class TestWorkbook {

	static final List<String> PARTICIPATING_HEADER = List.of("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY",
			"SUPPORT TYPE", "SIGNED", "MOA");

	private final List<List<Object>> rows = new ArrayList<>();

	private final Map<String, String> links = new LinkedHashMap<>();

	/** A formula cell: never evaluated by the importer, which reads the cached value. */
	record Formula(String formula, String cached) {
	}

	TestWorkbook row(Object... cells) {
		this.rows.add(List.of(cells));
		return this;
	}

	TestWorkbook link(String cellRef, String url) {
		this.links.put(cellRef, url);
		return this;
	}

	static TestWorkbook participating() {
		return new TestWorkbook().row(PARTICIPATING_HEADER.toArray());
	}

	Path write(Path folder, String fileName) throws IOException {
		Path file = folder.resolve(fileName);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "[Content_Types].xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
			entry(zip, "_rels/.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			entry(zip, "xl/workbook.xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
			zip.putNextEntry(entryAt("xl/worksheets/sheet1.xml"));
			writeSheet(zip);
			zip.closeEntry();
			entry(zip, "xl/worksheets/_rels/sheet1.xml.rels", relations());
		}
		return file;
	}

	private void writeSheet(OutputStream out) throws IOException {
		Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetData>");
		for (int r = 0; r < this.rows.size(); r++) {
			writer.write("<row r=\"" + (r + 1) + "\">");
			List<Object> cells = this.rows.get(r);
			for (int c = 0; c < cells.size(); c++) {
				writer.write(cell(IceSheetReader.columnName(c) + (r + 1), cells.get(c)));
			}
			writer.write("</row>");
		}
		writer.write("</sheetData>");
		if (!this.links.isEmpty()) {
			writer.write("<hyperlinks>");
			int id = 1;
			for (String ref : this.links.keySet()) {
				writer.write("<hyperlink ref=\"" + ref + "\" r:id=\"rId" + id++ + "\"/>");
			}
			writer.write("</hyperlinks>");
		}
		writer.write("</worksheet>");
		writer.flush();
	}

	private static String cell(String ref, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number) {
			return "<c r=\"" + ref + "\"><v>" + number + "</v></c>";
		}
		if (value instanceof Formula formula) {
			return "<c r=\"" + ref + "\" t=\"str\"><f>" + escape(formula.formula()) + "</f><v>"
					+ escape(formula.cached()) + "</v></c>";
		}
		return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + escape(value.toString())
				+ "</t></is></c>";
	}

	private String relations() {
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
		int id = 1;
		for (String url : this.links.values()) {
			xml.append("<Relationship Id=\"rId")
				.append(id++)
				.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"")
				.append(escape(url))
				.append("\" TargetMode=\"External\"/>");
		}
		return xml.append("</Relationships>").toString();
	}

	/**
	 * An entry dated at a fixed time, so the same rows written twice are the same bytes
	 * (the importer's checksum), whatever the clock says between the writes.
	 */
	private static ZipEntry entryAt(String name) {
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(LocalDateTime.of(2025, 5, 1, 0, 0));
		return entry;
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(entryAt(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** A zip whose sheet entry inflates to {@code bytes} of one repeated character. */
	static Path zipBomb(Path folder, String fileName, long bytes) throws IOException {
		Path file = folder.resolve(fileName);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "xl/workbook.xml", "<workbook/>");
			zip.putNextEntry(entryAt("xl/worksheets/sheet1.xml"));
			byte[] block = new byte[1024 * 1024];
			java.util.Arrays.fill(block, (byte) ' ');
			for (long written = 0; written < bytes; written += block.length) {
				zip.write(block);
			}
			zip.closeEntry();
		}
		return file;
	}

}
