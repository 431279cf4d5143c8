package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.reading.AgencyName;
import org.end287g.tracker.reading.TrackerQueries;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The tracker's search box: a ZIP code, a state, a city with or without its state, a
 * county with or without "County", an agency by name or abbreviation, in English or
 * Spanish, with typos forgiven. Everything is matched in memory against an index built
 * once per data version; the results of recent queries are kept under that version too.
 */
@Component
public class TrackerSearch {

	/** Most words read in a query. */
	public static final int MAX_WORDS = SearchQuery.MAX_WORDS;

	/** Longest query read, in characters. */
	public static final int MAX_LENGTH = 200;

	static final int MAX_AGENCIES = 20;

	static final int MAX_COUNTIES = 10;

	private static final int MAX_REMEMBERED = 2_000;

	private final TrackerQueries reader;

	private final Places places;

	private final AtomicReference<Version> version;

	TrackerSearch(TrackerQueries reader, Places places) {
		this.reader = reader;
		this.places = places;
		this.version = new AtomicReference<>(
				new Version(List.of(), AgencyIndex.of(List.of(), places), new ConcurrentHashMap<>()));
	}

	/** Results for a query of at most {@link #MAX_LENGTH} characters. */
	public SearchResults find(String query) {
		if (query.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("query longer than " + MAX_LENGTH);
		}
		Version current = current();
		// the words decide the results: "GASTON Co.," is "gaston co"
		String key = String.join(" ", SearchWords.plain(query));
		SearchResults known = current.results().get(key);
		if (known != null) {
			return known;
		}
		SearchResults results = search(key, current.index());
		if (current.results().size() >= MAX_REMEMBERED) {
			current.results().clear();
		}
		current.results().put(key, results);
		return results;
	}

	private SearchResults search(String text, AgencyIndex index) {
		SearchQuery query = SearchQuery.read(text, this.places);
		if (query.plain().size() > SearchQuery.MAX_WORDS) {
			return SearchResults.TOO_MANY_WORDS;
		}
		if (query.zip() != null) {
			return SearchResults.ofZip(query.zip());
		}
		if (query.state() != null) {
			return SearchResults.ofState(query.state());
		}
		Ranking ranking = new Ranking(index, this.places);
		Map<String, Hit> best = new LinkedHashMap<>();
		query.meanings().forEach((meaning) -> keepBest(ranking.hits(meaning), best));
		if (best.isEmpty()) {
			query.meanings().forEach((meaning) -> keepBest(ranking.anyWord(meaning), best));
		}
		List<Hit> ranked = best.values().stream().sorted(Hit.BEST_FIRST).toList();
		if (!ranked.isEmpty() && ranked.get(0).tier() < Hit.GENERIC) {
			ranked = ranked.stream().filter((hit) -> hit.tier() < Hit.GENERIC).toList();
		}
		return results(ranked);
	}

	private static void keepBest(List<Hit> hits, Map<String, Hit> best) {
		for (Hit hit : hits) {
			best.merge(hit.key(), hit, (a, b) -> (Hit.BEST_FIRST.compare(a, b) <= 0) ? a : b);
		}
	}

	private SearchResults results(List<Hit> ranked) {
		List<AgencyView> agencies = new ArrayList<>();
		List<County> counties = new ArrayList<>();
		Map<String, String> cities = new LinkedHashMap<>();
		for (Hit hit : ranked) {
			AgencyView agency = hit.agency();
			County county = hit.county();
			if (agency != null && agencies.size() < MAX_AGENCIES) {
				agencies.add(agency);
			}
			else if (county != null && counties.size() < MAX_COUNTIES) {
				counties.add(county);
				if (hit.city() != null) {
					cities.put(county.fips(), hit.city());
				}
			}
		}
		boolean placesFirst = !ranked.isEmpty() && ranked.get(0).county() != null;
		return SearchResults.of(List.copyOf(agencies), List.copyOf(counties), Map.copyOf(cities), placesFirst,
				stateFirst(ranked));
	}

	/**
	 * The state the query named, when the best result lies in it and others do not (there
	 * is something to say only then).
	 */
	private @Nullable State stateFirst(List<Hit> ranked) {
		boolean leads = !ranked.isEmpty() && !ranked.get(0).otherState();
		boolean elsewhere = ranked.stream().anyMatch(Hit::otherState);
		return (leads && elsewhere) ? this.places.state(ranked.get(0).state()).orElse(null) : null;
	}

	private Version current() {
		List<AgencyName> names = this.reader.agencyNames();
		Version current = this.version.get();
		if (current.names() != names) {
			current = new Version(names, AgencyIndex.of(names, this.places), new ConcurrentHashMap<>());
			this.version.set(current);
		}
		return current;
	}

	/** The index and remembered results of one list of names (one data version). */
	private record Version(List<AgencyName> names, AgencyIndex index, Map<String, SearchResults> results) {
	}

}
