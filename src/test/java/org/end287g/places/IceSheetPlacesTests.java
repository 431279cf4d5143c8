package org.end287g.places;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every state and county that ICE's real spreadsheets name must be found in the bundled
 * places.
 */
class IceSheetPlacesTests {

	static final Places places = BundledPlacesTests.places;

	final Set<String> matched = new TreeSet<>();

	final Set<String> unmatched = new TreeSet<>();

	@Test
	void findsTheStatesAndCountiesOfIceSpreadsheets() throws IOException {
		String folder = System.getProperty("end287g.shared-data", "");
		assumeTrue(new File(folder).isDirectory(), "ICE spreadsheets not found at end287g.shared-data=" + folder);
		try (Stream<Path> files = Files.list(Path.of(folder))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".xlsx")).toList()) {
				try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
					for (Sheet sheet : workbook.getSheets().toList()) {
						check(sheet.read());
					}
				}
			}
		}
		assertThat(this.matched).hasSizeGreaterThan(100);
		// Albemarle is a city in North Carolina; the county of that name is in Virginia.
		assertThat(this.unmatched).isSubsetOf("NC|Albemarle County");
	}

	private void check(List<Row> rows) {
		int header = 0;
		while (header < Math.min(10, rows.size()) && column(rows.get(header), "STATE") < 0) {
			header++;
		}
		if (header == Math.min(10, rows.size())) {
			return;
		}
		int state = column(rows.get(header), "STATE");
		int county = column(rows.get(header), "COUNTY");
		for (Row row : rows.subList(header + 1, rows.size())) {
			String stateName = row.getCellText(state).strip();
			String countyName = (county < 0) ? "" : row.getCellText(county).strip();
			if (!stateName.isEmpty()) {
				String code = places.matchState(stateName).map(State::code).orElse(stateName);
				boolean noCounty = countyName.isEmpty() || countyName.contains("N/A");
				((noCounty || places.matchCounty(code, countyName).isPresent()) ? this.matched : this.unmatched)
					.add(code + "|" + countyName);
			}
		}
	}

	private static int column(Row row, String prefix) {
		for (int i = 0; i < row.getCellCount(); i++) {
			if (row.getCellText(i).strip().toUpperCase(java.util.Locale.ROOT).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

}
