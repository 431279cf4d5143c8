package org.end287g.tracker.importing;

import java.util.List;

/**
 * A readable sheet that looks like a broken publication: thrown inside the import
 * transaction to roll back what resolving it wrote, then stored as HELD for staff.
 */
final class SheetHeld extends RuntimeException {

	/** Why a sheet is held. */
	enum Reason {

		/** Agencies of the previous sheet of the list are on neither list any more. */
		VANISHED,

		/** Most rows cannot be read as an agreement. */
		UNREADABLE_ROWS

	}

	private final Diff diff;

	SheetHeld(Diff diff) {
		super("HELD " + diff.reason() + ": " + diff.describe(), null, false, false);
		this.diff = diff;
	}

	Diff diff() {
		return this.diff;
	}

	/**
	 * What the sheet changes against the previous accepted sheet of its list, counted in
	 * agencies the resolver matched.
	 *
	 * @param reason why it is held
	 * @param vanished agencies gone to nowhere
	 * @param moved agencies gone to the other list
	 * @param added agencies new on the list
	 * @param previous agencies on the previous sheet of the list
	 * @param unreadable rows that could not be read as an agreement
	 * @param rows the sheet's rows
	 * @param names the vanished agencies, "ST Name"
	 */
	record Diff(Reason reason, int vanished, int moved, int added, int previous, int unreadable, int rows,
			List<String> names) {

		String describe() {
			return (this.reason == Reason.VANISHED)
					? this.vanished + " of " + this.previous + " agencies of the previous sheet vanished to nowhere, "
							+ this.moved + " moved to the other list, " + this.added + " added"
					: this.unreadable + " of " + this.rows + " rows could not be read as an agreement";
		}

		String messageKey() {
			return "import.held." + ((this.reason == Reason.VANISHED) ? "vanished" : "unreadable-rows");
		}

		Object[] arguments() {
			return (this.reason == Reason.VANISHED)
					? new Object[] { this.vanished, this.previous, this.moved, this.added }
					: new Object[] { this.unreadable, this.rows };
		}

	}

}
