package org.end287g.tracker.reading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.ListedCount;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerStats;
import org.jspecify.annotations.Nullable;

/**
 * Everything the read side serves, loaded in a few queries once per data version and
 * indexed for the hot paths: ten thousand agreements fit easily in memory.
 */
record TrackerSnapshot(List<Row> rows, Map<Long, AgencyView> agencies, List<AgencyName> names,
		List<ListedCount> listedHistory, List<StateTotals> states, TrackerStats stats, boolean firstStartOnly,
		Indexes indexes) {

	static TrackerSnapshot of(List<Row> rows, Map<Long, AgencyView> agencies, List<AgencyName> names,
			List<ListedCount> listedHistory, List<StateTotals> states, TrackerStats stats, boolean firstStartOnly) {
		return new TrackerSnapshot(List.copyOf(rows), agencies, names, listedHistory, states, stats, firstStartOnly,
				Indexes.of(rows, agencies));
	}

	List<AgreementView> agreements() {
		return this.indexes.agreements();
	}

	/** One agreement with the ids and county centroid the queries need. */
	record Row(long agencyId, AgreementView agreement, @Nullable Double latitude, @Nullable Double longitude) {

		@Nullable String countyFips() {
			return (this.agreement.agency().county() != null) ? this.agreement.agency().county().fips() : null;
		}

	}

	/** Listed agreements of one located county, for distance scans over counties. */
	record CountyPoint(String fips, double latitude, double longitude, List<AgreementView> listed) {
	}

	record Indexes(List<AgreementView> agreements, Map<String, Long> agencyIdBySlug,
			Map<String, List<AgreementView>> listedByCounty, Map<String, List<AgreementView>> listedByState,
			List<CountyPoint> countyPoints) {

		static Indexes of(List<Row> rows, Map<Long, AgencyView> agencies) {
			Map<String, Long> bySlug = new LinkedHashMap<>();
			agencies.forEach((id, agency) -> bySlug.put(agency.slug(), id));
			List<Row> listed = rows.stream().filter((row) -> row.agreement().listed()).toList();
			Map<String, List<AgreementView>> byCounty = listed.stream()
				.filter((row) -> row.countyFips() != null)
				.collect(Collectors.groupingBy(Row::countyFips, LinkedHashMap::new,
						Collectors.mapping(Row::agreement, Collectors.toList())));
			Map<String, List<AgreementView>> byState = listed.stream()
				.collect(Collectors.groupingBy((row) -> row.agreement().agency().state(), LinkedHashMap::new,
						Collectors.mapping(Row::agreement, Collectors.toList())));
			Map<String, CountyPoint> points = new LinkedHashMap<>();
			for (Row row : listed) {
				String fips = row.countyFips();
				Double latitude = row.latitude();
				Double longitude = row.longitude();
				if (fips != null && latitude != null && longitude != null && !points.containsKey(fips)) {
					points.put(fips,
							new CountyPoint(fips, latitude, longitude, Objects.requireNonNull(byCounty.get(fips))));
				}
			}
			return new Indexes(rows.stream().map(Row::agreement).toList(), bySlug, byCounty, byState,
					List.copyOf(points.values()));
		}

	}

}
