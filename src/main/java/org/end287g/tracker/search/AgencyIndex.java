package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.reading.AgencyName;
import org.jspecify.annotations.Nullable;

/**
 * The agencies of one data version ready for search: their names as word numbers in one
 * vocabulary (so a typed word is compared once with each distinct word, not once per
 * agency), the county each serves (for a city police department, the county of its city)
 * and a rough size, the ZIP codes of what it serves.
 */
final class AgencyIndex {

	private final List<Entry> entries;

	private final Map<String, List<Entry>> byCounty;

	private final Vocabulary vocabulary;

	private AgencyIndex(List<Entry> entries, Vocabulary vocabulary) {
		this.entries = entries;
		this.vocabulary = vocabulary;
		Map<String, List<Entry>> counties = new HashMap<>();
		for (Entry entry : entries) {
			if (entry.county() != null) {
				counties.computeIfAbsent(entry.county(), (fips) -> new ArrayList<>()).add(entry);
			}
		}
		this.byCounty = Map.copyOf(counties);
	}

	static AgencyIndex of(List<AgencyName> names, Places places) {
		Vocabulary vocabulary = new Vocabulary();
		Map<String, List<int[]>> wordsBySlug = new LinkedHashMap<>();
		Map<String, AgencyView> agencies = new LinkedHashMap<>();
		for (AgencyName name : names) {
			agencies.putIfAbsent(name.agency().slug(), name.agency());
			List<int[]> words = wordsBySlug.computeIfAbsent(name.agency().slug(), (slug) -> new ArrayList<>());
			words.add(vocabulary.ids(SearchWords.spelledOut(SearchWords.plain(name.name()))));
			initials(name.name()).ifPresent((initials) -> words.add(vocabulary.ids(List.of(initials))));
		}
		Map<String, Integer> zipsByState = new HashMap<>();
		List<Entry> entries = new ArrayList<>(agencies.size());
		agencies.forEach(
				(slug, agency) -> entries.add(entry(agency, List.copyOf(wordsBySlug.get(slug)), places, zipsByState)));
		return new AgencyIndex(List.copyOf(entries), vocabulary);
	}

	/**
	 * The initials people call an agency by ("GCSO" for Gaston County Sheriff's Office,
	 * "CMPD" for Charlotte-Mecklenburg Police Department), as one more name of one word;
	 * none for names of fewer than four words, whose initials name too many agencies.
	 */
	static Optional<String> initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : SearchWords.plain(name)) {
			if (!SearchWords.JOINING.contains(word)) {
				initials.append(word.charAt(0));
			}
		}
		return (initials.length() >= 4) ? Optional.of(initials.toString()) : Optional.empty();
	}

	private static Entry entry(AgencyView agency, List<int[]> names, Places places, Map<String, Integer> zipsByState) {
		Optional<Town> town = Town.of(agency, places);
		String county = (agency.county() != null) ? agency.county().fips() : town.map(Town::countyFips).orElse(null);
		int size = switch (agency.kind()) {
			case "STATE_AGENCY" -> zipsByState.computeIfAbsent(agency.state(),
					(state) -> places.counties(state).stream().mapToInt((c) -> places.zipCodesIn(c.fips())).sum());
			case "COUNTY" -> places.zipCodesIn(county);
			default -> town.map(Town::zipCodes).orElseGet(() -> Math.max(1, places.zipCodesIn(county)));
		};
		return new Entry(agency, names, county, Math.max(1, size), "COUNTY".equals(agency.kind()) ? 0 : 1);
	}

	List<Entry> entries() {
		return this.entries;
	}

	List<Entry> inCounty(String fips) {
		return this.byCounty.getOrDefault(fips, List.of());
	}

	Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/**
	 * An agency with the words of each of its names, the county it serves, its size, and
	 * 0 for a county agency (listed before the others of its county).
	 */
	record Entry(AgencyView agency, List<int[]> names, @Nullable String county, int size, int kindOrder) {
	}

	/**
	 * The city a municipal agency is named after ("City of St. Cloud Police Department").
	 */
	private record Town(String countyFips, int zipCodes) {

		static Optional<Town> of(AgencyView agency, Places places) {
			if ("STATE_AGENCY".equals(agency.kind())) {
				return Optional.empty();
			}
			List<String> words = new ArrayList<>();
			for (String word : SearchWords.plain(agency.name())) {
				if (SearchWords.spelledOut(List.of(word)).stream().noneMatch(SearchWords.AGENCY_KINDS::contains)) {
					words.add(word);
				}
			}
			if (words.size() > 2 && SearchWords.PLACE_KINDS.contains(words.get(0)) && "of".equals(words.get(1))) {
				words = words.subList(2, words.size());
			}
			List<ZipCode> zips = places.zipsInCity(String.join(" ", words), Optional.of(agency.state()));
			if (zips.isEmpty()) {
				return Optional.empty();
			}
			Map<String, Integer> perCounty = new HashMap<>();
			zips.forEach((zip) -> perCounty.merge(zip.countyFips(), 1, Integer::sum));
			String county = perCounty.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			return Optional.of(new Town(county, zips.size()));
		}

	}

}
