package org.end287g.tracker.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hyperlink pass skips a sheet's cells as bytes while they stream by: what it keeps
 * must still be the root's start tag (its namespaces) and everything after the cells,
 * whatever the prefix and wherever the reads cut the tags.
 */
class SheetLinksTests {

	private static final String ROOT = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
			+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";

	private static final String LINKS = "<hyperlinks><hyperlink ref=\"H2\" r:id=\"rId1\"/></hyperlinks>";

	@Test
	void cellsAreLeftOutAndTheRootAndLinksKept() {
		String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + ROOT
				+ "<dimension ref=\"A1:H3\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
				+ "<row r=\"2\"><c r=\"H2\" t=\"inlineStr\"><is><t>sheetData&gt; in a cell</t></is></c></row>"
				+ "</sheetData>" + LINKS + "</worksheet>";
		assertThat(kept(sheet)).isEqualTo(
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + ROOT + LINKS + "</worksheet>");
	}

	@Test
	void aPrefixedSheetKeepsItsPrefix() {
		String root = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
		String sheet = root + "<x:sheetData><x:row r=\"1\"/></x:sheetData><x:hyperlinks/></x:worksheet>";
		assertThat(kept(sheet)).isEqualTo(root + "<x:hyperlinks/></x:worksheet>");
	}

	@Test
	void aSheetLaidOutOtherwiseIsReadWhole() {
		for (String sheet : new String[] { ROOT + LINKS + "</worksheet>",
				ROOT + "<sheetData/>" + LINKS + "</worksheet>", "<!-- only a comment -->", "", "sheetData>",
				"sheetData><worksheet>" }) {
			assertThat(kept(sheet)).isEqualTo(sheet);
		}
	}

	@Test
	void cellsLongerThanTheReadBufferAreSkippedWhateverWhereTheTagsFallBetweenReads() {
		StringBuilder cells = new StringBuilder();
		for (int row = 1; row <= 20_000; row++) {
			cells.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\"><v>1</v></c></row>");
		}
		String sheet = ROOT + "<sheetData>" + cells + "</sheetData>" + LINKS + "</worksheet>";
		for (int reads : new int[] { 1, 7, 100, 65_536, Integer.MAX_VALUE }) {
			assertThat(kept(sheet, reads)).isEqualTo(ROOT + LINKS + "</worksheet>");
		}
	}

	@Test
	void onlyTheLastClosingTagCounts() {
		String sheet = ROOT + "<sheetData><row r=\"1\"/></sheetData><x/><sheetData></sheetData>" + LINKS
				+ "</worksheet>";
		assertThat(kept(sheet)).isEqualTo(ROOT + LINKS + "</worksheet>");
		String endsOpen = ROOT + "<sheetData></sheetData>" + LINKS + "<sheetData>";
		assertThat(kept(endsOpen)).isEqualTo(endsOpen);
	}

	private static String kept(String sheet) {
		return kept(sheet, 3);
	}

	/** What the pass keeps, reading at most {@code reads} bytes at a time. */
	private static String kept(String sheet, int reads) {
		byte[] bytes = sheet.getBytes(StandardCharsets.UTF_8);
		InputStream in = new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] buffer, int offset, int length) {
				return super.read(buffer, offset, Math.min(length, reads));
			}

		};
		try {
			byte[] kept = SheetLinks.withoutCells(in);
			return new String((kept != null) ? kept : bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
