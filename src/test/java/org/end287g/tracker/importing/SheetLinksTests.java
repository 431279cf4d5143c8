package org.end287g.tracker.importing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hyperlink pass skips a sheet's cells as bytes: what it keeps must still be the
 * root's start tag (its namespaces) and everything after the cells, whatever the prefix.
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

	private static String kept(String sheet) {
		return new String(SheetLinks.withoutCells(sheet.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

}
