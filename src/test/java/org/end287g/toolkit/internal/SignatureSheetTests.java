package org.end287g.toolkit.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper signature sheet asks for exactly what paper entry keeps, in the order a
 * leader types it back (the columns of the paper CSV file).
 */
class SignatureSheetTests {

	@Test
	void theSheetsColumnsAreThoseOfPaperEntryInTheirOrder() throws Exception {
		Class<?> csv = Class.forName("org.end287g.campaigns.signing.PaperCsv");
		java.lang.reflect.Field header = csv.getDeclaredField("HEADER");
		header.setAccessible(true);
		java.lang.reflect.Field updates = csv.getDeclaredField("UPDATES");
		updates.setAccessible(true);
		List<Object> kept = new ArrayList<>((List<?>) header.get(null));
		kept.add(updates.get(null));
		assertThat(kept).containsExactly("first", "last", "zip", "email", "comment", "updates");
		// the row number, then the paper file's columns
		assertThat(SignatureSheet.COLUMNS).first().isEqualTo("number");
		assertThat(SignatureSheet.COLUMNS.subList(1, SignatureSheet.COLUMNS.size())).isEqualTo(kept);
	}

}
