package org.end287g.tracker.importing;

/**
 * One data row exactly as ICE wrote it (text of each cell, formulas as their cached
 * value), with the hyperlink targets of the MOA and ADDENDUM cells.
 */
record RawRow(int rowNumber, String state, String agency, String kind, String county, String model, String signed,
		String moa, String moaLink, String addendum, String addendumLink) {

	boolean blank() {
		return isBlank(this.state) && isBlank(this.agency) && isBlank(this.kind) && isBlank(this.county)
				&& isBlank(this.model);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
