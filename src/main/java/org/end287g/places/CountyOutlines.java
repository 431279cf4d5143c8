package org.end287g.places;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The base geometry of the maps, read once from the jar: every county and state outline
 * of the 50 states and DC (Albers USA leaves out the territories) and the mesh of state
 * borders.
 */
@Component
class CountyOutlines {

	private final Map<String, Outline> countyByFips;

	private final Map<String, List<String>> fipsByState;

	private final Map<String, Outline> stateByCode;

	private final String stateBorders;

	private static final Logger log = LoggerFactory.getLogger(CountyOutlines.class);

	CountyOutlines(Places places) {
		long start = System.nanoTime();
		Map<String, Outline> counties = new LinkedHashMap<>();
		PlaceFiles.rows("county-shapes.tsv.gz").forEach((r) -> counties.put(r[0], Outline.of(r[1])));
		this.countyByFips = Collections.unmodifiableMap(counties);
		this.fipsByState = Map.copyOf(counties.keySet()
			.stream()
			.collect(Collectors.groupingBy((fips) -> places.county(fips).orElseThrow().stateCode(), LinkedHashMap::new,
					Collectors.toUnmodifiableList())));
		Map<String, Outline> states = new LinkedHashMap<>();
		PlaceFiles.rows("state-shapes.tsv.gz").forEach((r) -> states.put(r[0], Outline.of(r[1])));
		Outline borders = states.remove("borders");
		if (borders == null) {
			throw new IllegalStateException("state-shapes.tsv.gz has no row of borders");
		}
		this.stateBorders = borders.path();
		this.stateByCode = Collections.unmodifiableMap(states);
		log.info("Loaded {} county and {} state outlines in {} ms", counties.size(), states.size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/** State codes in FIPS order. */
	Iterable<String> stateCodes() {
		return this.stateByCode.keySet();
	}

	Optional<Outline> state(String stateCode) {
		return Optional.ofNullable(this.stateByCode.get(stateCode));
	}

	List<String> countyFips(String stateCode) {
		return this.fipsByState.getOrDefault(stateCode, List.of());
	}

	/** The outline of a county of {@link #countyFips}. */
	Outline county(String fips) {
		Outline outline = this.countyByFips.get(fips);
		if (outline == null) {
			throw new IllegalArgumentException("No outline for county " + fips);
		}
		return outline;
	}

	String stateBorders() {
		return this.stateBorders;
	}

}
