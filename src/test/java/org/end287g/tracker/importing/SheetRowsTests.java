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
		assertThat(SheetRows.unpack(SheetRows.agreementIds(ids(rows)), SheetRows.content(rows))).isEqualTo(rows);
	}

	@Test
	void noRowsIsEmptyAndIdsKeepTheirPlaces() {
		assertThat(SheetRows.unpack("", "")).isEmpty();
		assertThat(SheetRows.ids("1,,3,")).containsExactly(1L, null, 3L);
		assertThat(SheetRows.ids("")).isEmpty();
	}

	@Test
	void aLargeSheetReadsBackInOrder() {
		List<SheetRows.Stored> rows = new ArrayList<>();
		for (int n = 2; n < 20_002; n++) {
			rows.add(new SheetRows.Stored(n, "STATE " + n, "Agency " + n, "County", "County " + n,
					"Jail Enforcement Model", null, null, null, (n % 7 == 0) ? null : (long) n, null));
		}
		assertThat(SheetRows.unpack(SheetRows.agreementIds(ids(rows)), SheetRows.content(rows))).isEqualTo(rows);
	}

	private static List<Long> ids(List<SheetRows.Stored> rows) {
		return rows.stream().map(SheetRows.Stored::agreementId).toList();
	}

	@Test
	void aDamagedRowIsAnErrorNotAWrongRow() {
		char[] cells = new char[5];
		Arrays.fill(cells, '\t');
		assertThatIllegalStateException().isThrownBy(() -> SheetRows.unpack("1,", "2" + new String(cells) + "\n"))
			.withMessageContaining("10 cells");
	}

}
