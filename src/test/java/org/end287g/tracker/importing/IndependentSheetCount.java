package org.end287g.tracker.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Counts a sheet's distinct agreements without the importer: regular expressions over the
 * raw sheet XML and shared strings, to check the importer's figures against.
 */
final class IndependentSheetCount {

	private static final Pattern SHARED = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL);

	private static final Pattern TEXT = Pattern.compile("<t[^>]*>([^<]*)</t>");

	private static final Pattern ROW = Pattern.compile("<row [^>]*>(.*?)</row>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)\\d+\"([^>]*?)(?:/>|>(.*?)</c>)",
			Pattern.DOTALL);

	private IndependentSheetCount() {
	}

	static Map<String, Long> distinctByModel(Path xlsx) throws Exception {
		try (ZipFile zip = new ZipFile(xlsx.toFile())) {
			List<String> shared = new ArrayList<>();
			Matcher si = SHARED.matcher(new String(
					zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), StandardCharsets.UTF_8));
			while (si.find()) {
				StringBuilder text = new StringBuilder();
				Matcher t = TEXT.matcher(si.group(1));
				while (t.find()) {
					text.append(t.group(1));
				}
				shared.add(text.toString().replace("&amp;", "&").replace("&apos;", "'"));
			}
			String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
					StandardCharsets.UTF_8);
			Set<String> keys = new HashSet<>();
			Map<String, Long> counts = new TreeMap<>();
			Matcher row = ROW.matcher(sheet);
			row.find();
			while (row.find()) {
				Map<String, String> cells = new TreeMap<>();
				Matcher cell = CELL.matcher(row.group(1));
				while (cell.find()) {
					String body = (cell.group(3) != null) ? cell.group(3) : "";
					Matcher v = Pattern.compile("<v>([^<]*)</v>").matcher(body);
					String value = v.find() ? v.group(1) : "";
					cells.put(cell.group(1),
							cell.group(2).contains("t=\"s\"") ? shared.get(Integer.parseInt(value)) : value);
				}
				String state = plain(cells.get("A"));
				String agency = plain(cells.get("B"));
				String model = plain(cells.get("E"));
				if (state.isEmpty() || agency.isEmpty() || model.isEmpty()) {
					continue;
				}
				String code = model.startsWith("jail") ? "JEM" : model.startsWith("task") ? "TFM" : "WSO";
				if (keys.add(state + "|" + agency + "|" + code)) {
					counts.merge(code, 1L, Long::sum);
				}
			}
			return counts;
		}
	}

	private static String plain(String text) {
		return (text != null) ? text.replace("’", "'").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") : "";
	}

}
