package org.end287g.campaigns.lifecycle;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.SheetChange;
import org.end287g.tracker.TrackerReader;

/**
 * The agencies whose agreements an imported sheet changed, for the jobs that follow it:
 * they look at those alone when the sheet was applied on top of the history, and compare
 * every campaign otherwise (the whole history recomputed) or when the sheet changed so
 * many agencies (the first sheets of a tracker) that one comparison costs less.
 */
final class ChangedAgencies {

	/** Beyond this many agencies, one comparison of everything costs less. */
	static final int AT_MOST = 500;

	private ChangedAgencies() {
	}

	/** The slugs of the agencies the sheet changed; empty to compare everything. */
	static Optional<Set<String>> of(IceSheetImported imported, TrackerReader tracker) {
		if (!imported.incremental()) {
			return Optional.empty();
		}
		Set<String> slugs = new LinkedHashSet<>();
		for (SheetChange change : tracker.changesOf(imported.sheetId())) {
			slugs.add(change.agency().slug());
		}
		return (slugs.size() > AT_MOST) ? Optional.empty() : Optional.of(slugs);
	}

}
