package org.end287g.tracker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything a person can read from the tracker. Results are cached in memory only under
 * the data version read from the database on each call, so every app instance sees an
 * import at once.
 */
public interface TrackerReader {

	/**
	 * A cheap fingerprint of the tracker's data, read from the database: equal values
	 * mean equal data, so anything derived from it may be cached under it.
	 */
	String dataVersion();

	TrackerStats stats();

	/** Agreements sorted by state, agency name and model. */
	List<AgreementView> agreements(AgreementFilter filter);

	Optional<AgencyProfile> agency(String slug);

	/** Every state with its counts, in the order of the places module. */
	List<StateTotals> stateTotals();

	/** Count of listed agreements on each accepted participating sheet, oldest first. */
	List<ListedCount> listedHistory();

	/**
	 * True while the latest participating sheet is the one shipped with the app for the
	 * first start: the data shown is ICE's of that date, until a newer sheet is imported.
	 */
	boolean firstStartOnly();

	/**
	 * What an accepted sheet changed (renames aside), agency by agency: read after the
	 * sheet's {@link IceSheetImported} to tell the people who follow those places.
	 */
	List<SheetChange> changesOf(long sheetId);

	/**
	 * The agencies with an ACTIVE or PENDING agreement, read straight from the database:
	 * for the jobs that follow each import, which must not rebuild the whole read model
	 * for every sheet of a long history.
	 */
	List<AgencyView> listedAgencies();

	/**
	 * Those of the given agencies (by slug) with an ACTIVE or PENDING agreement: for the
	 * jobs that follow a sheet applied on top of the history, which look only at the
	 * agencies it changed.
	 */
	List<AgencyView> listedAgencies(Collection<String> slugs);

}
