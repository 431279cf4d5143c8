package org.end287g.places;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The places shipped in the jar (see tools/places), indexed in memory once at startup:
 * they are static reference data, identical in every instance.
 */
@Component
class BundledPlaces implements Places {

	private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

	private final StateNames states;

	private final Map<String, County> countyByFips;

	private final Map<String, List<County>> countiesByState;

	private final Map<String, CountyMatcher> matcherByState;

	// Sorted by ZIP code, searched by halving: leaner than a hash map of 41,000 entries.
	private final String[] zipCodes;

	private final List<ZipCode> zipsInOrder;

	private final Map<String, List<ZipCode>> zipsByCity;

	private final PlaceNames names;

	private static final Logger log = LoggerFactory.getLogger(BundledPlaces.class);

	BundledPlaces() {
		long start = System.nanoTime();
		this.states = new StateNames(
				PlaceFiles.rows("states.tsv").stream().map((r) -> new State(r[0], r[1], r[2])).toList());
		List<County> counties = PlaceFiles.rows("counties.tsv.gz").stream().map(BundledPlaces::county).toList();
		this.countyByFips = counties.stream().collect(Collectors.toUnmodifiableMap(County::fips, (c) -> c));
		this.countiesByState = Map.copyOf(counties.stream().collect(Collectors.groupingBy(County::stateCode)));
		this.matcherByState = Map.copyOf(this.countiesByState.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> CountyMatcher.of(e.getValue()))));
		List<ZipCode> zips = readZips();
		this.zipsInOrder = zips.stream().sorted(Comparator.comparing(ZipCode::zip)).toList();
		this.zipCodes = this.zipsInOrder.stream().map(ZipCode::zip).toArray(String[]::new);
		this.zipsByCity = byCity(zips);
		this.names = new PlaceNames(counties, zips);
		log.info("Loaded {} states, {} counties and {} ZIP codes in {} ms", this.states.all().size(), counties.size(),
				zips.size(), (System.nanoTime() - start) / 1_000_000);
	}

	private static Map<String, List<ZipCode>> byCity(List<ZipCode> zips) {
		Map<String, String> keyOfCity = new HashMap<>();
		return Map.copyOf(zips.stream()
			.collect(Collectors.groupingBy((z) -> keyOfCity.computeIfAbsent(z.city(), BundledPlaces::cityKey))));
	}

	private static String cityKey(String city) {
		return PlaceNames.key(city);
	}

	private static County county(String[] row) {
		return new County(row[0], row[2], row[1], PlaceFiles.decimal(row[3]), PlaceFiles.decimal(row[4]));
	}

	private static List<ZipCode> readZips() {
		// Many ZIP codes share a city, state and county: keep one copy of each string.
		Map<String, String> copies = new HashMap<>();
		return PlaceFiles.rows("zips.tsv.gz")
			.stream()
			.map((r) -> new ZipCode(r[0], copies.computeIfAbsent(r[1], (c) -> c),
					copies.computeIfAbsent(r[2], (c) -> c), copies.computeIfAbsent(r[3], (c) -> c),
					PlaceFiles.decimal(r[4]), PlaceFiles.decimal(r[5])))
			.toList();
	}

	@Override
	public List<State> states() {
		return this.states.all();
	}

	@Override
	public Optional<State> state(@Nullable String codeFipsOrName) {
		return this.states.exact(codeFipsOrName);
	}

	@Override
	public Optional<State> matchState(@Nullable String rawName) {
		return this.states.match(rawName);
	}

	@Override
	public Optional<State> stateNamed(@Nullable String text) {
		return this.states.named(text);
	}

	@Override
	public Optional<County> county(@Nullable String fips) {
		return Optional.ofNullable((fips != null) ? this.countyByFips.get(fips.strip()) : null);
	}

	@Override
	public List<County> counties(@Nullable String stateCode) {
		return state(stateCode).map((s) -> this.countiesByState.getOrDefault(s.code(), List.of())).orElse(List.of());
	}

	@Override
	public Optional<County> matchCounty(@Nullable String stateCode, @Nullable String rawName) {
		if (rawName == null) {
			return Optional.empty();
		}
		return state(stateCode).map((s) -> this.matcherByState.get(s.code())).flatMap((m) -> m.match(rawName));
	}

	@Override
	public Optional<ZipCode> zip(@Nullable String zip) {
		if (zip == null || !FIVE_DIGITS.matcher(zip).matches()) {
			return Optional.empty();
		}
		int index = Arrays.binarySearch(this.zipCodes, zip);
		return (index >= 0) ? Optional.of(this.zipsInOrder.get(index)) : Optional.empty();
	}

	@Override
	public List<ZipCode> zipsInCity(@Nullable String city, Optional<String> stateCode) {
		if (city == null) {
			return List.of();
		}
		List<ZipCode> inCity = this.zipsByCity.getOrDefault(cityKey(city), List.of());
		Optional<String> code = stateCode.flatMap(this::state).map(State::code);
		if (stateCode.isPresent() && code.isEmpty()) {
			return List.of();
		}
		return inCity.stream().filter((z) -> code.map(z.stateCode()::equals).orElse(true)).toList();
	}

	@Override
	public List<NamedPlace> placesNamed(@Nullable String name) {
		return (name != null) ? this.names.named(name, this.countyByFips) : List.of();
	}

	@Override
	public int zipCodesIn(@Nullable String countyFips) {
		return (countyFips != null) ? this.names.zipCodes(countyFips) : 0;
	}

	@Override
	public Optional<County> nearestCounty(double latitude, double longitude) {
		if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90
				|| Math.abs(longitude) > 180) {
			return Optional.empty();
		}
		return this.countyByFips.values()
			.stream()
			.min(Comparator
				.comparingDouble((c) -> Places.distanceKm(latitude, longitude, c.latitude(), c.longitude())));
	}

}
