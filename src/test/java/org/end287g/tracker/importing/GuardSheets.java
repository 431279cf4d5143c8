package org.end287g.tracker.importing;

import java.util.stream.IntStream;

/**
 * Constructed sheets for the guard: Texas towns numbered so that a test says which
 * agencies stay, move to the other list or vanish.
 */
final class GuardSheets {

	private GuardSheets() {
	}

	/** Towns {@code from..to} on the participating list. */
	static TestWorkbook participating(int from, int to) {
		return participatingWith(TestWorkbook.participating(), from, to);
	}

	/** Adds towns {@code from..to} to a participating sheet. */
	static TestWorkbook participatingWith(TestWorkbook book, int from, int to) {
		IntStream.rangeClosed(from, to)
			.forEach((n) -> book.row("TEXAS", town(n), "Municipality", "#N/A", "Warrant Service Officer", 45790,
					"link pending"));
		return book;
	}

	/** Towns {@code from..to} on the pending list. */
	static TestWorkbook pending(int from, int to) {
		TestWorkbook book = new TestWorkbook().row("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE");
		IntStream.rangeClosed(from, to)
			.forEach((n) -> book.row("TEXAS", town(n), "Municipality", "#N/A", "Warrant Service Officer"));
		return book;
	}

	static String town(int n) {
		return "Town " + n + " Police Department";
	}

}
