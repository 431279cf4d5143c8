package org.end287g.tracker.importing;

import org.jspecify.annotations.Nullable;

/**
 * One data row exactly as ICE wrote it (text of each cell, formulas as their cached
 * value), with the hyperlink targets of the MOA and ADDENDUM cells.
 */
record RawRow(int rowNumber, @Nullable String state, @Nullable String agency, @Nullable String kind,
		@Nullable String county, @Nullable String model, @Nullable String signed, @Nullable String moa,
		@Nullable String moaLink, @Nullable String addendum, @Nullable String addendumLink) {

	/** The same cells at another row number. */
	RawRow withRowNumber(int number) {
		return new RawRow(number, this.state, this.agency, this.kind, this.county, this.model, this.signed, this.moa,
				this.moaLink, this.addendum, this.addendumLink);
	}

	boolean blank() {
		return isBlank(this.state) && isBlank(this.agency) && isBlank(this.kind) && isBlank(this.county)
				&& isBlank(this.model);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
