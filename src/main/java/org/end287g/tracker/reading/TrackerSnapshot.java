package org.end287g.tracker.reading;

import java.util.List;
import java.util.Map;

import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.ListedCount;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerReader.AgencyName;
import org.end287g.tracker.TrackerStats;

/**
 * Everything the read side serves, loaded in a few queries once per data version: ten
 * thousand agreements fit easily in memory and every page is then a filter over a list.
 */
record TrackerSnapshot(List<Row> rows, Map<Long, AgencyView> agencies, List<AgencyName> names,
		List<ListedCount> listedHistory, List<StateTotals> states, TrackerStats stats, boolean sampleOnly) {

	List<AgreementView> agreements() {
		return this.rows.stream().map(Row::agreement).toList();
	}

	/** One agreement with the ids and county centroid the queries need. */
	record Row(long agencyId, AgreementView agreement, Double latitude, Double longitude) {

		boolean located() {
			return this.latitude != null && this.longitude != null;
		}

	}

}
