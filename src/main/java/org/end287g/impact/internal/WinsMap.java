package org.end287g.impact.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.places.County;
import org.end287g.places.CountyShade;
import org.end287g.places.Maps;
import org.end287g.places.Places;
import org.end287g.tracker.TrackerReader;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The map of the wins page, drawn by the places module: each win's county filled and
 * linked to its story (the tracker's county of the agency, else the county its name
 * gives, "Harris County Sheriff's Office"), and the outline of each state with wins
 * linked to its latest story.
 */
@Component
class WinsMap {

	/**
	 * A county's name in an agency's name: everything up to County, Parish or Borough.
	 */
	private static final Pattern COUNTY_NAME = Pattern.compile("^(.+?\\b(County|Parish|Borough))\\b",
			Pattern.CASE_INSENSITIVE);

	private final Maps maps;

	private final Places places;

	private final TrackerReader tracker;

	private final MessageSource messages;

	WinsMap(Maps maps, Places places, TrackerReader tracker, MessageSource messages) {
		this.maps = maps;
		this.places = places;
		this.tracker = tracker;
		this.messages = messages;
	}

	/** The SVG of the wins given, latest first. */
	String of(List<Win> wins, Locale locale) {
		Map<String, CountyShade> counties = new LinkedHashMap<>();
		Map<String, String> states = new LinkedHashMap<>();
		for (Win win : wins) {
			String href = "/wins/" + win.slug();
			states.putIfAbsent(win.state(), href);
			county(win).ifPresent((county) -> counties.putIfAbsent(county.fips(),
					new CountyShade(county.fips(), "won", this.messages.getMessage("impact.map.county",
							new Object[] { win.agencyName(), county.name() + ", " + county.stateCode() }, locale),
							href)));
		}
		return this.maps.nationalMap(counties, states,
				this.messages.getMessage("impact.map.title", new Object[] { wins.size() }, locale));
	}

	Optional<County> county(Win win) {
		if (win.agencySlug() != null) {
			Optional<County> known = this.tracker.agency(win.agencySlug())
				.map((profile) -> profile.agency().county())
				.flatMap((ref) -> this.places.county(ref.fips()));
			if (known.isPresent()) {
				return known;
			}
		}
		Matcher name = COUNTY_NAME.matcher(win.agencyName());
		return name.find() ? this.places.matchCounty(win.state(), name.group(1)) : Optional.empty();
	}

}
