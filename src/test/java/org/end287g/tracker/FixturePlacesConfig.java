package org.end287g.tracker;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.places.County;
import org.end287g.places.CountyShade;
import org.end287g.places.Maps;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.places.ZipCode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.HtmlUtils;

/**
 * TEMPORARY until the places module lands: a tiny Places and Maps over a handful of real
 * states, counties and ZIP codes, so the read side can be tested against a real database.
 */
@Configuration(proxyBeanMethods = false)
class FixturePlacesConfig {

	static final List<State> STATES = List.of(new State("FL", "12", "Florida"), new State("NC", "37", "North Carolina"),
			new State("SC", "45", "South Carolina"), new State("TX", "48", "Texas"));

	static final List<County> COUNTIES = List.of(new County("12086", "Miami-Dade County", "FL", 25.611, -80.498),
			new County("37045", "Cleveland County", "NC", 35.334, -81.555),
			new County("37071", "Gaston County", "NC", 35.294, -81.177),
			new County("37119", "Mecklenburg County", "NC", 35.247, -80.833),
			new County("37183", "Wake County", "NC", 35.790, -78.650),
			new County("45091", "York County", "SC", 34.970, -81.184),
			new County("48201", "Harris County", "TX", 29.857, -95.393));

	static final List<ZipCode> ZIPS = List.of(new ZipCode("28052", "Gastonia", "NC", "37071", 35.236, -81.208),
			new ZipCode("28054", "Gastonia", "NC", "37071", 35.262, -81.147),
			new ZipCode("28202", "Charlotte", "NC", "37119", 35.228, -80.845),
			new ZipCode("27601", "Raleigh", "NC", "37183", 35.773, -78.634),
			new ZipCode("33101", "Miami", "FL", "12086", 25.779, -80.197),
			new ZipCode("77002", "Houston", "TX", "48201", 29.757, -95.363));

	@Bean
	Places fixturePlaces() {
		return new FixturePlaces();
	}

	@Bean
	Maps fixtureMaps() {
		return new FixtureMaps();
	}

	static final class FixturePlaces implements Places {

		@Override
		public List<State> states() {
			return STATES;
		}

		@Override
		public Optional<State> state(String value) {
			return STATES.stream()
				.filter(s -> s.code().equalsIgnoreCase(value) || s.fips().equals(value)
						|| s.name().equalsIgnoreCase(value))
				.findFirst();
		}

		@Override
		public Optional<State> matchState(String rawName) {
			return STATES.stream().filter(s -> key(s.name()).equals(key(rawName))).findFirst();
		}

		@Override
		public Optional<County> county(String fips) {
			return COUNTIES.stream().filter(c -> c.fips().equals(fips)).findFirst();
		}

		@Override
		public List<County> counties(String stateCode) {
			return COUNTIES.stream().filter(c -> c.stateCode().equals(stateCode)).toList();
		}

		@Override
		public Optional<County> matchCounty(String stateCode, String rawName) {
			List<County> found = counties(stateCode).stream().filter(c -> key(c.name()).equals(key(rawName))).toList();
			return (found.size() == 1) ? Optional.of(found.getFirst()) : Optional.empty();
		}

		@Override
		public Optional<ZipCode> zip(String zip) {
			return ZIPS.stream().filter(z -> z.zip().equals(zip)).findFirst();
		}

		@Override
		public List<ZipCode> zipsInCity(String city, Optional<String> stateCode) {
			return ZIPS.stream()
				.filter(z -> z.city().equalsIgnoreCase(city.strip()))
				.filter(z -> stateCode.map(z.stateCode()::equals).orElse(true))
				.toList();
		}

		@Override
		public Optional<County> nearestCounty(double latitude, double longitude) {
			return COUNTIES.stream()
				.min(Comparator
					.comparingDouble(c -> Places.distanceKm(latitude, longitude, c.latitude(), c.longitude())));
		}

		private static String key(String name) {
			return Normalizer.normalize(name, Normalizer.Form.NFD)
				.toLowerCase(Locale.ROOT)
				.replaceAll("\\b(county|parish|borough)\\b", "")
				.replaceAll("[^a-z]", "");
		}

	}

	static final class FixtureMaps implements Maps {

		@Override
		public String nationalMap(Map<String, CountyShade> shades, Map<String, String> stateLinks, String title) {
			return svg(shades, title);
		}

		@Override
		public String stateMap(String stateCode, Map<String, CountyShade> shades, String title) {
			return svg(shades, title);
		}

		private static String svg(Map<String, CountyShade> shades, String title) {
			StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>")
				.append(HtmlUtils.htmlEscape(title))
				.append("</title>");
			shades.values()
				.forEach(shade -> svg.append("<a href=\"")
					.append(HtmlUtils.htmlEscape(shade.href()))
					.append("\"><path id=\"c")
					.append(shade.fips())
					.append("\" class=\"")
					.append(shade.cssClass())
					.append("\" aria-label=\"")
					.append(HtmlUtils.htmlEscape(shade.label()))
					.append("\" d=\"M0 0h1v1z\"/></a>"));
			return svg.append("</svg>").toString();
		}

	}

}
