package org.end287g.impact.internal;

import java.util.List;

/**
 * What an agency's or campaign's page shows of impact: one sentence a figure (the latest
 * first), a bar chart for each measure known over several years, and the agency's wins.
 */
record ImpactView(String agencySlug, List<Line> lines, List<Chart> charts, List<Win> wins) {

	public boolean any() {
		return !this.lines.isEmpty() || !this.wins.isEmpty();
	}

	/** One figure as a sentence, with its source. */
	record Line(String text, Figure.Source source) {
	}

	/** One measure over the years: its title and a bar a year. */
	record Chart(String title, List<Bar> bars) {
	}

	/**
	 * One year's bar: {@code percent} of the largest year's value, the value as text.
	 */
	record Bar(String label, int percent, String value) {
	}

}
