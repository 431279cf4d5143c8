package org.end287g.impact.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One impact figure as stored: {@code agencySlug} null for a national figure; the period
 * is a fiscal year or dates (either end may be open).
 *
 * @param model the agreement the figure concerns (JEM, TFM or WSO), null for the whole
 * agency or the nation
 * @param qualifier EXACT, AT_LEAST ("more than") or ABOUT ("nearly"), as the source says
 */
record Figure(long id, @Nullable String agencySlug, @Nullable String model, String measure, long value,
		String qualifier, @Nullable Integer fiscalYear, @Nullable LocalDate from, @Nullable LocalDate to, Source source,
		@Nullable String note) {

	static final List<String> MEASURES = List.of("ENCOUNTERS", "DETAINERS", "PEOPLE_PROCESSED", "REMOVALS",
			"PEOPLE_HELD", "COST", "REIMBURSEMENT");

	static final List<String> QUALIFIERS = List.of("EXACT", "AT_LEAST", "ABOUT");

	/**
	 * The period as open data writes it: {@code FY2017}, {@code 2006-01-01/2018-12-05}.
	 */
	public String period() {
		if (this.fiscalYear != null) {
			return "FY" + this.fiscalYear;
		}
		return ((this.from != null) ? this.from.toString() : "..") + "/"
				+ ((this.to != null) ? this.to.toString() : "..");
	}

	/** The year a chart puts it in: the fiscal year, else the year it ends. */
	@Nullable Integer year() {
		if (this.fiscalYear != null) {
			return this.fiscalYear;
		}
		return (this.to != null) ? Integer.valueOf(this.to.getYear()) : null;
	}

	/**
	 * Where a figure or a win comes from.
	 */
	record Source(String title, @Nullable String publisher, @Nullable String url, @Nullable LocalDate date) {
	}

}
