import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a long synthetic history of ICE's sheets, for the import benchmark: years of
 * daily publications cannot be had from ICE, and the importer's cost must be measured
 * where it will be in a few years. Needs only the JDK:
 *
 * <pre>
 * java benchmarks/SyntheticSheets.java PARTICIPATING.xlsx PENDING.xlsx OUT_DIR DAYS [SEED]
 * </pre>
 *
 * Starts from a real participating sheet and a real pending sheet (their header, columns,
 * rows and MOA links, read as the zip of XML an .xlsx is). Each following day gets a
 * participating sheet that adds about nine agreements (new agencies in the real sheet's
 * states and counties, each listed as pending first) and removes a few; every seventh day
 * also gets a pending sheet listing the agreements of the coming week. Files are named as
 * ICE names them (participatingAgenciesMMDDYYYYam.xlsx), one day apart, written as
 * shared-string workbooks with hyperlinks like ICE's.
 */
public class SyntheticSheets {

	private static final Pattern CELL = Pattern
		.compile("<c r=\"([A-Z]+)(\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);

	private static final Pattern TEXT = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL);

	private static final Pattern SI = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("<hyperlink ref=\"([A-Z]+\\d+)\"[^>]*?r:id=\"([^\"]+)\"");

	private static final Pattern RELATION = Pattern.compile("<Relationship ([^>]*)/>");

	private static final String[] SYLLABLES = { "ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa",
			"re", "si", "to", "va", "wy" };

	private static final String[] MODELS = { "Jail Enforcement Model", "Task Force Model", "Warrant Service Officer" };

	private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ofPattern("MMddyyyy");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** One row: its cells in header order and the MOA cell's link, if any. */
	record Row(String[] cells, String link) {
	}

	record Sheet(List<String> header, List<Row> rows) {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 4) {
			System.err.println("usage: SyntheticSheets PARTICIPATING.xlsx PENDING.xlsx OUT_DIR DAYS [SEED]");
			System.exit(2);
		}
		Sheet participating = read(Path.of(args[0]));
		Sheet pending = read(Path.of(args[1]));
		Path out = Path.of(args[2]);
		int days = Integer.parseInt(args[3]);
		Random random = new Random((args.length > 4) ? Long.parseLong(args[4]) : 287);
		Files.createDirectories(out);
		LocalDate start = publishedOn(Path.of(args[0]).getFileName().toString());
		new SyntheticSheets(participating, pending, random).write(out, start, days);
	}

	private final Sheet participating;

	private final Sheet pending;

	private final Random random;

	private final int state;

	private final int agency;

	private final int type;

	private final int county;

	private final int model;

	private final int signed;

	private final int moa;

	private int next;

	SyntheticSheets(Sheet participating, Sheet pending, Random random) {
		this.participating = participating;
		this.pending = pending;
		this.random = random;
		List<String> header = participating.header();
		this.state = column(header, "STATE");
		this.agency = column(header, "LAW ENFORCEMENT AGENCY");
		this.type = column(header, "TYPE");
		this.county = column(header, "COUNTY");
		this.model = column(header, "SUPPORT TYPE");
		this.signed = column(header, "SIGNED");
		this.moa = column(header, "MOA");
	}

	void write(Path out, LocalDate start, int days) throws IOException {
		List<Row> listed = new ArrayList<>(this.participating.rows());
		List<Row> places = List.copyOf(listed);
		List<Row> upcoming = new ArrayList<>();
		long rows = 0;
		for (int day = 1; day <= days; day++) {
			LocalDate date = start.plusDays(day);
			while (upcoming.size() < 80) {
				upcoming.add(newAgreement(places.get(this.random.nextInt(places.size()))));
			}
			if (day % 7 == 1) {
				List<Row> pendingRows = new ArrayList<>(this.pending.rows());
				upcoming.subList(0, 63).forEach((row) -> pendingRows.add(asPending(row)));
				writeWorkbook(out.resolve(fileName("pending", date)), this.pending.header(), pendingRows);
			}
			int added = 8 + this.random.nextInt(3);
			for (int i = 0; i < added; i++) {
				Row row = upcoming.remove(0);
				row.cells()[this.signed] = String.valueOf(ChronoUnit.DAYS.between(EXCEL_EPOCH, date) - 1);
				listed.add(row);
			}
			int removed = this.random.nextInt(4);
			for (int i = 0; i < removed; i++) {
				// agreements of the last month stay, so a removal never looks like a rename
				listed.remove(this.random.nextInt(listed.size() - 300));
			}
			writeWorkbook(out.resolve(fileName("participating", date)), this.participating.header(), listed);
			rows += listed.size();
		}
		System.out.println("wrote " + days + " days of sheets to " + out + ": " + rows + " participating rows, "
				+ listed.size() + " listed on the last day");
	}

	/** A new municipal agency in the state and county of a real row. */
	private Row newAgreement(Row place) {
		String[] cells = new String[this.participating.header().size()];
		java.util.Arrays.fill(cells, "");
		cells[this.state] = place.cells()[this.state];
		cells[this.county] = place.cells()[this.county];
		cells[this.agency] = name(this.next++) + " Police Department";
		cells[this.type] = "Municipality";
		cells[this.model] = MODELS[this.random.nextInt(MODELS.length)];
		boolean linked = this.random.nextInt(3) > 0;
		cells[this.moa] = linked ? "link" : "link pending";
		String link = linked ? "https://www.ice.gov/doclib/287gMOA/Synthetic" + this.next + "_MOA.pdf" : null;
		return new Row(cells, link);
	}

	private Row asPending(Row row) {
		String[] cells = new String[this.pending.header().size()];
		for (int i = 0; i < cells.length; i++) {
			int source = this.participating.header().indexOf(this.pending.header().get(i));
			cells[i] = (source < 0) ? "" : row.cells()[source];
		}
		return new Row(cells, null);
	}

	/** A made-up town name, different for every number below 16^5. */
	private static String name(int number) {
		StringBuilder name = new StringBuilder();
		int n = number;
		for (int i = 0; i < 5; i++) {
			name.append(SYLLABLES[n % 16]);
			n /= 16;
			if (i == 2) {
				name.append(' ');
			}
		}
		String text = name.toString();
		int space = text.indexOf(' ');
		return Character.toUpperCase(text.charAt(0)) + text.substring(1, space + 1)
				+ Character.toUpperCase(text.charAt(space + 1)) + text.substring(space + 2);
	}

	private static int column(List<String> header, String name) {
		int index = header.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("no column " + name + " in " + header);
		}
		return index;
	}

	private static String fileName(String list, LocalDate date) {
		return list + "Agencies" + date.format(NAME_DATE) + "am.xlsx";
	}

	private static LocalDate publishedOn(String fileName) {
		Matcher matcher = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})").matcher(fileName);
		if (!matcher.find()) {
			throw new IllegalArgumentException("no date in " + fileName);
		}
		return LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(1)),
				Integer.parseInt(matcher.group(2)));
	}

	// reading: an .xlsx is a zip of XML; the first worksheet, shared strings and links

	static Sheet read(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			List<String> strings = new ArrayList<>();
			Matcher si = SI.matcher(entry(zip, "xl/sharedStrings.xml"));
			while (si.find()) {
				StringBuilder text = new StringBuilder();
				Matcher t = TEXT.matcher(si.group(1));
				while (t.find()) {
					text.append(unescape(t.group(1)));
				}
				strings.add(text.toString());
			}
			Map<String, String> targets = new LinkedHashMap<>();
			Matcher relation = RELATION.matcher(entry(zip, "xl/worksheets/_rels/sheet1.xml.rels"));
			while (relation.find()) {
				targets.put(attribute(relation.group(1), "Id"), unescape(attribute(relation.group(1), "Target")));
			}
			String xml = entry(zip, "xl/worksheets/sheet1.xml");
			Map<String, String> links = new LinkedHashMap<>();
			Matcher link = LINK.matcher(xml);
			while (link.find()) {
				links.put(link.group(1), targets.get(link.group(2)));
			}
			return rows(xml, strings, links);
		}
	}

	private static Sheet rows(String xml, List<String> strings, Map<String, String> links) {
		Map<Integer, Map<Integer, String>> cells = new LinkedHashMap<>();
		Matcher cell = CELL.matcher(xml.substring(xml.indexOf("<sheetData")));
		while (cell.find()) {
			String body = (cell.group(4) == null) ? "" : cell.group(4);
			Matcher v = Pattern.compile("<v>(.*?)</v>").matcher(body);
			String value = v.find() ? unescape(v.group(1)) : "";
			if (cell.group(3).contains("t=\"s\"") && !value.isEmpty()) {
				value = strings.get(Integer.parseInt(value));
			}
			else if (cell.group(3).contains("inlineStr")) {
				Matcher t = TEXT.matcher(body);
				value = t.find() ? unescape(t.group(1)) : "";
			}
			cells.computeIfAbsent(Integer.parseInt(cell.group(2)), (k) -> new LinkedHashMap<>())
				.put(columnIndex(cell.group(1)), value);
		}
		List<String> header = new ArrayList<>();
		Map<Integer, String> first = cells.values().iterator().next();
		for (int i = 0; first.containsKey(i) && !first.get(i).isBlank(); i++) {
			header.add(first.get(i).trim());
		}
		List<Row> rows = new ArrayList<>();
		int moa = header.indexOf("MOA");
		cells.forEach((number, values) -> {
			if (values == first || values.values().stream().allMatch(String::isBlank)) {
				return;
			}
			String[] row = new String[header.size()];
			for (int i = 0; i < row.length; i++) {
				row[i] = values.getOrDefault(i, "");
			}
			rows.add(new Row(row, (moa < 0) ? null : links.get(columnName(moa) + number)));
		});
		return new Sheet(header, rows);
	}

	private static String entry(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return "";
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String attribute(String attributes, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static int columnIndex(String letters) {
		int index = 0;
		for (char c : letters.toCharArray()) {
			index = index * 26 + (c - 'A' + 1);
		}
		return index - 1;
	}

	private static String columnName(int index) {
		return (index < 26) ? String.valueOf((char) ('A' + index))
				: columnName(index / 26 - 1) + (char) ('A' + index % 26);
	}

	private static String unescape(String text) {
		Matcher entity = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);").matcher(text);
		StringBuilder out = new StringBuilder();
		while (entity.find()) {
			String e = entity.group(1);
			String replacement = switch (e) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> new String(Character.toChars(
						e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
			};
			entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		entity.appendTail(out);
		return out.toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	// writing: shared strings, one worksheet, its hyperlinks

	static void writeWorkbook(Path file, List<String> header, List<Row> rows) throws IOException {
		Map<String, Integer> strings = new LinkedHashMap<>();
		StringBuilder sheet = new StringBuilder(rows.size() * 400 + 1000);
		StringBuilder links = new StringBuilder();
		StringBuilder relations = new StringBuilder();
		sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
			.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
			.append("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
			.append("<dimension ref=\"A1:")
			.append(columnName(header.size() - 1))
			.append(rows.size() + 1)
			.append("\"/><sheetData>");
		appendRow(sheet, 1, header.toArray(String[]::new), strings, -1);
		int moa = header.indexOf("MOA");
		int signed = header.indexOf("SIGNED");
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			appendRow(sheet, i + 2, row.cells(), strings, signed);
			if (row.link() != null && moa >= 0) {
				String rid = "rId" + (i + 2);
				links.append("<hyperlink ref=\"").append(columnName(moa)).append(i + 2).append("\" r:id=\"")
					.append(rid).append("\"/>");
				relations.append("<Relationship Id=\"").append(rid)
					.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"")
					.append(escape(row.link())).append("\" TargetMode=\"External\"/>");
			}
		}
		sheet.append("</sheetData>");
		if (!links.isEmpty()) {
			sheet.append("<hyperlinks>").append(links).append("</hyperlinks>");
		}
		sheet.append("</worksheet>");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.setLevel(Deflater.BEST_SPEED);
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
					+ "</Types>");
			entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
					+ "</Relationships>");
			entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
					+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
					+ "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
					+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
					+ "</Relationships>");
			StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
			sst.append("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"")
				.append(strings.size())
				.append("\">");
			strings.keySet().forEach((s) -> sst.append("<si><t>").append(escape(s)).append("</t></si>"));
			sst.append("</sst>");
			entry(zip, "xl/sharedStrings.xml", sst.toString());
			entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
			entry(zip, "xl/worksheets/_rels/sheet1.xml.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ relations + "</Relationships>");
		}
	}

	/** Text as shared strings; the SIGNED column's serial numbers as numbers, as ICE has them. */
	private static void appendRow(StringBuilder sheet, int number, String[] cells, Map<String, Integer> strings,
			int numeric) {
		sheet.append("<row r=\"").append(number).append("\">");
		for (int i = 0; i < cells.length; i++) {
			String value = cells[i];
			if (value == null || value.isEmpty()) {
				continue;
			}
			sheet.append("<c r=\"").append(columnName(i)).append(number).append('"');
			if (i == numeric && value.matches("\\d+(\\.\\d+)?")) {
				sheet.append("><v>").append(value).append("</v></c>");
			}
			else {
				int index = strings.computeIfAbsent(value, (k) -> strings.size());
				sheet.append(" t=\"s\"><v>").append(index).append("</v></c>");
			}
		}
		sheet.append("</row>");
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		OutputStream out = zip;
		out.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
