package org.end287g.tracker.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A sheet's rows packed into text and read back unchanged, whatever their cells hold. */
class SheetRowsTests {

	@Test
	void awkwardCellsNoneAndEmptyReadBackExactly() {
		List<SheetRows.Stored> rows = List.of(
				new SheetRows.Stored(2, "TEXAS", "Tab\there, line\nthere, return\r, \\N and \\", "", null, "JEM",
						"6/9/2025", "MOA <https://www.ice.gov/a.pdf>", null, 17L, "BAD_DATE"),
				new SheetRows.Stored(3, null, null, null, null, null, null, null, null, null, null),
				new SheetRows.Stored(40_000, "ÑANDÚ", "<script>alert(1)</script>", "\\t", "\\", "x", "y", "z", "w",
						Long.MAX_VALUE, ""));
		assertThat(SheetRows.parts(rows)).hasSize(1);
		assertThat(readBack(rows)).isEqualTo(rows);
	}

	@Test
	void noRowsIsEmptyAndIdsKeepTheirPlaces() {
		assertThat(SheetRows.parts(List.of())).isEmpty();
		assertThat(SheetRows.unpack("", "")).isEmpty();
		assertThat(SheetRows.ids("1,,3,")).containsExactly(1L, null, 3L);
		assertThat(SheetRows.ids("")).isEmpty();
	}

	@Test
	void aLargeSheetIsCutIntoPartsThatReadBackInOrder() {
		List<SheetRows.Stored> rows = new ArrayList<>();
		for (int n = 2; n < 20_002; n++) {
			rows.add(new SheetRows.Stored(n, "STATE " + n, "Agency " + n, "County", "County " + n,
					"Jail Enforcement Model", null, (n == 500) ? "M".repeat(SheetRows.PART_CHARS) : null, null,
					(n % 7 == 0) ? null : (long) n, null));
		}
		List<SheetRows.Part> parts = SheetRows.parts(rows);
		assertThat(parts).hasSizeGreaterThan(5);
		assertThat(parts).extracting(SheetRows.Part::rows).allMatch((count) -> count > 0);
		assertThat(parts.stream().mapToInt(SheetRows.Part::rows).sum()).isEqualTo(rows.size());
		// a part ends with the row that reaches the limit: never more than one row beyond
		// it
		assertThat(parts).allMatch((part) -> part.text().length() < 2 * SheetRows.PART_CHARS + 200);
		assertThat(parts.subList(0, parts.size() - 1)).allMatch((part) -> part.text().length() >= SheetRows.PART_CHARS);
		assertThat(readBack(rows)).isEqualTo(rows);
	}

	/** The rows cut into parts, each unpacked with its rows' agreements, in order. */
	private static List<SheetRows.Stored> readBack(List<SheetRows.Stored> rows) {
		List<SheetRows.Stored> read = new ArrayList<>();
		int first = 0;
		for (SheetRows.Part part : SheetRows.parts(rows)) {
			List<Long> ids = rows.subList(first, first + part.rows())
				.stream()
				.map(SheetRows.Stored::agreementId)
				.toList();
			read.addAll(SheetRows.unpack(SheetRows.agreementIds(ids), part.text()));
			first += part.rows();
		}
		return read;
	}

	@Test
	void aDamagedRowIsAnErrorNotAWrongRow() {
		char[] cells = new char[5];
		Arrays.fill(cells, '\t');
		assertThatIllegalStateException().isThrownBy(() -> SheetRows.unpack("1,", "2" + new String(cells) + "\n"))
			.withMessageContaining("10 cells");
	}

}
