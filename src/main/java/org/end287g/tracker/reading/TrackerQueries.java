package org.end287g.tracker.reading;

import java.util.List;
import java.util.Optional;

/**
 * What the tracker's own pages and feeds read beyond the module's {@code TrackerReader}:
 * names for search, agreements near a point, changes. Cached under the data version like
 * every other read.
 */
public interface TrackerQueries {

	/** Agencies known under a name, for search: current and former names. */
	List<AgencyName> agencyNames();

	/**
	 * Listed agreements around a point that lies in the given county of the given state.
	 */
	NearbyAgreements near(double latitude, double longitude, String countyFips, String stateCode, int nearestLimit);

	/** The latest changes, newest first, nationally or for one state. */
	List<AgreementChange> latestChanges(Optional<String> state, int limit);

	/** The latest changes of the agencies of one county, newest first. */
	List<AgreementChange> latestChangesInCounty(String countyFips, int limit);

	/** An agency's history, oldest first; empty for an unknown agency. */
	List<AgreementChange> history(String agencySlug);

}
