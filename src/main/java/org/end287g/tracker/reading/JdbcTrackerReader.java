package org.end287g.tracker.reading;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.ListedCount;
import org.end287g.tracker.SheetChange;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.TrackerStats;

import org.springframework.stereotype.Service;

/** The read side: one cheap version query per call, everything else from the cache. */
@Service
class JdbcTrackerReader implements TrackerReader, TrackerQueries {

	private final DataVersion version;

	private final VersionedCache cache;

	private final SnapshotLoader loader;

	private final ChangeQueries changes;

	JdbcTrackerReader(DataVersion version, VersionedCache cache, SnapshotLoader loader, ChangeQueries changes) {
		this.version = version;
		this.cache = cache;
		this.loader = loader;
		this.changes = changes;
	}

	private Versioned snapshot() {
		String current = this.version.current();
		return new Versioned(current, this.cache.get(current, "snapshot", this.loader::load));
	}

	@Override
	public String dataVersion() {
		return this.version.current();
	}

	@Override
	public TrackerStats stats() {
		return snapshot().data().stats();
	}

	@Override
	public List<AgreementView> agreements(AgreementFilter filter) {
		return snapshot().data().agreements().stream().filter(filter::accepts).toList();
	}

	@Override
	public Optional<AgencyProfile> agency(String slug) {
		Versioned snapshot = snapshot();
		Long agencyId = snapshot.data().indexes().agencyIdBySlug().get(slug);
		if (agencyId == null) {
			return Optional.empty();
		}
		AgencyView agency = Objects.requireNonNull(snapshot.data().agencies().get(agencyId),
				"the snapshot indexes only its own agencies");
		return Optional
			.of(this.cache.get(snapshot.version(), "agency:" + slug, () -> profile(snapshot.data(), agencyId, agency)));
	}

	private AgencyProfile profile(TrackerSnapshot snapshot, long agencyId, AgencyView agency) {
		List<AgreementView> agreements = snapshot.rows()
			.stream()
			.filter((row) -> row.agencyId() == agencyId)
			.map(TrackerSnapshot.Row::agreement)
			.toList();
		return new AgencyProfile(agency, agreements, this.changes.formerNames(agencyId, agency.name()),
				this.changes.raw(agencyId));
	}

	@Override
	public List<AgreementChange> history(String agencySlug) {
		Versioned snapshot = snapshot();
		Long agencyId = snapshot.data().indexes().agencyIdBySlug().get(agencySlug);
		if (agencyId == null) {
			return List.of();
		}
		AgencyView agency = Objects.requireNonNull(snapshot.data().agencies().get(agencyId),
				"the snapshot indexes only its own agencies");
		return this.cache.get(snapshot.version(), "history:" + agencySlug,
				() -> this.changes.ofAgency(agencyId, agency));
	}

	@Override
	public List<AgencyName> agencyNames() {
		return snapshot().data().names();
	}

	@Override
	public NearbyAgreements near(double latitude, double longitude, String countyFips, String stateCode,
			int nearestLimit) {
		TrackerSnapshot.Indexes indexes = snapshot().data().indexes();
		List<AgreementView> inCounty = indexes.listedByCounty().getOrDefault(countyFips, List.of());
		List<AgreementView> inState = indexes.listedByState()
			.getOrDefault(stateCode, List.of())
			.stream()
			.filter((a) -> a.agency().county() == null || !a.agency().county().fips().equals(countyFips))
			.toList();
		return new NearbyAgreements(inCounty, inState,
				NearestAgreements.find(indexes, latitude, longitude, countyFips, nearestLimit));
	}

	@Override
	public List<AgreementChange> latestChanges(Optional<String> state, int limit) {
		Versioned snapshot = snapshot();
		return this.cache.get(snapshot.version(), "changes:" + state.orElse("") + ":" + limit,
				() -> this.changes.latest(state, limit, snapshot.data().agencies()));
	}

	@Override
	public List<AgreementChange> latestChangesInCounty(String countyFips, int limit) {
		Versioned snapshot = snapshot();
		return this.cache.get(snapshot.version(), "county-changes:" + countyFips + ":" + limit,
				() -> this.changes.latestInCounty(countyFips, limit, snapshot.data().agencies()));
	}

	@Override
	public List<SheetChange> changesOf(long sheetId) {
		// asked by every follow-up of the sheet
		return this.cache.get(this.version.current(), "sheet-changes:" + sheetId,
				() -> List.copyOf(this.changes.ofSheet(sheetId)));
	}

	@Override
	public List<AgencyView> listedAgencies() {
		// asked by several follow-ups of the same sheet: read once per version of the
		// data
		return this.cache.get(this.version.current(), "listed-agencies",
				() -> List.copyOf(this.changes.listedAgencies()));
	}

	@Override
	public List<AgencyView> listedAgencies(Collection<String> slugs) {
		if (slugs.isEmpty()) {
			return List.of();
		}
		// asked with the same agencies by several follow-ups of a sheet, as the whole
		// list is: read once per version of the data (a slug holds no comma)
		List<String> agencies = List.copyOf(new TreeSet<>(slugs));
		return this.cache.get(this.version.current(), "listed-agencies:" + String.join(",", agencies),
				() -> List.copyOf(this.changes.listedAgencies(agencies)));
	}

	@Override
	public List<StateTotals> stateTotals() {
		return snapshot().data().states();
	}

	@Override
	public List<ListedCount> listedHistory() {
		return snapshot().data().listedHistory();
	}

	@Override
	public boolean firstStartOnly() {
		return snapshot().data().firstStartOnly();
	}

	private record Versioned(String version, TrackerSnapshot data) {
	}

}
