package org.end287g.places;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Counties and cities of every state by name, for a search box: exact names first, one
 * typo only when no name is exact. Cities come from the ZIP table, each placed in the
 * county holding its ZIP codes.
 */
final class PlaceNames {

	static final int MAX_RESULTS = 50;

	/** Longer names are not searched with typos: a place name is rarely that long. */
	static final int MOST_WORDS_FOR_TYPOS = 3;

	/** Names whose places are kept for the next search of them. */
	private static final int MAX_REMEMBERED = 4_096;

	private static final Comparator<NamedPlace> BEST_FIRST = Comparator.comparingInt(NamedPlace::edits)
		.thenComparing(Comparator.comparingInt(NamedPlace::zipCodes).reversed())
		.thenComparing((place) -> place.county().fips());

	private final List<CountyEntry> counties;

	private final Map<String, Integer> zipsPerCounty;

	private final Map<String, List<CityPart>> cities;

	// Typos are sought among keys of the same length, give or take one.
	private final Map<Integer, List<String>> cityKeysByLength;

	private final Map<String, List<NamedPlace>> remembered = new ConcurrentHashMap<>();

	PlaceNames(List<County> counties, List<ZipCode> zips) {
		Map<String, Integer> perCounty = new HashMap<>();
		Map<String, Map<String, CityPart>> parts = new HashMap<>();
		Map<String, String> keyOfCity = new HashMap<>();
		for (ZipCode zip : zips) {
			perCounty.merge(zip.countyFips(), 1, Integer::sum);
			parts.computeIfAbsent(keyOfCity.computeIfAbsent(zip.city(), PlaceNames::key), (k) -> new LinkedHashMap<>())
				.merge(zip.countyFips(), new CityPart(zip.city(), zip.countyFips(), 1),
						(a, b) -> new CityPart(a.name(), a.countyFips(), a.zipCodes() + 1));
		}
		this.zipsPerCounty = Map.copyOf(perCounty);
		this.counties = counties.stream().map((c) -> new CountyEntry(CountyKeys.of(c.name()), c)).toList();
		Map<String, List<CityPart>> byKey = new HashMap<>();
		parts.forEach((k, v) -> byKey.put(k, List.copyOf(v.values())));
		this.cities = Map.copyOf(byKey);
		Map<Integer, List<String>> byLength = new HashMap<>();
		this.cities.keySet().forEach((k) -> byLength.computeIfAbsent(k.length(), (n) -> new ArrayList<>()).add(k));
		this.cityKeysByLength = Map.copyOf(byLength);
	}

	/** The ZIP codes of a county (0 for an unknown one). */
	int zipCodes(String countyFips) {
		return this.zipsPerCounty.getOrDefault(countyFips, 0);
	}

	List<NamedPlace> named(String raw, Map<String, County> countyByFips) {
		String words = NameKeys.words(raw);
		List<NamedPlace> known = this.remembered.get(words);
		if (known == null) {
			known = find(words, countyByFips);
			if (this.remembered.size() >= MAX_REMEMBERED) {
				this.remembered.clear();
			}
			this.remembered.put(words, known);
		}
		return known;
	}

	private List<NamedPlace> find(String words, Map<String, County> countyByFips) {
		CountyKeys wanted = CountyKeys.of(words);
		if (wanted.full().isEmpty()) {
			return List.of();
		}
		List<NamedPlace> found = new ArrayList<>();
		exactCounties(wanted, found);
		exactCities(key(words), countyByFips, found);
		boolean fewWords = words.chars().filter((c) -> c == ' ').count() < MOST_WORDS_FOR_TYPOS;
		if (found.isEmpty() && fewWords && wanted.base().length() >= CountyMatcher.SHORTEST_KEY_FOR_TYPOS) {
			counties(wanted, (a, b) -> a.sharesKeyWith(b, NameKeys::withinOneEdit), 1, found);
			citiesWithOneTypo(key(words), countyByFips, found);
		}
		return found.stream().sorted(BEST_FIRST).limit(MAX_RESULTS).toList();
	}

	private void exactCounties(CountyKeys wanted, List<NamedPlace> found) {
		counties(wanted, (a, b) -> a.full().equals(b.full()) || a.full().equals(b.base()), 0, found);
		// "Richmond County" also finds Richmond city, one step behind
		counties(wanted,
				(a, b) -> !a.full().equals(b.full()) && !a.full().equals(b.base()) && a.base().equals(b.base()), 1,
				found);
	}

	private void counties(CountyKeys wanted, BiPredicate<CountyKeys, CountyKeys> test, int edits,
			List<NamedPlace> found) {
		for (CountyEntry entry : this.counties) {
			if (test.test(wanted, entry.keys())) {
				found.add(new NamedPlace(entry.county(), null, edits, zipCodes(entry.county().fips())));
			}
		}
	}

	private void exactCities(String key, Map<String, County> countyByFips, List<NamedPlace> found) {
		addCities(this.cities.getOrDefault(key, List.of()), 0, countyByFips, found);
	}

	private void citiesWithOneTypo(String key, Map<String, County> countyByFips, List<NamedPlace> found) {
		if (key.length() < CountyMatcher.SHORTEST_KEY_FOR_TYPOS) {
			return;
		}
		for (int length = key.length() - 1; length <= key.length() + 1; length++) {
			for (String candidate : this.cityKeysByLength.getOrDefault(length, List.of())) {
				if (NameKeys.withinOneEdit(key, candidate)) {
					addCities(Objects.requireNonNull(this.cities.get(candidate)), 1, countyByFips, found);
				}
			}
		}
	}

	private static void addCities(List<CityPart> parts, int edits, Map<String, County> countyByFips,
			List<NamedPlace> found) {
		for (CityPart part : parts) {
			County county = countyByFips.get(part.countyFips());
			if (county != null) {
				found.add(new NamedPlace(county, part.name(), edits, part.zipCodes()));
			}
		}
	}

	// GeoNames spells "Saint Louis"; people write "St. Louis".
	static String key(String city) {
		return NameKeys.compact(NameKeys.words(city));
	}

	private record CountyEntry(CountyKeys keys, County county) {
	}

	/** The ZIP codes of one city that lie in one county. */
	private record CityPart(String name, String countyFips, int zipCodes) {
	}

}
