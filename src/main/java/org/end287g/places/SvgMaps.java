package org.end287g.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Draws the maps from the cached base geometry on every call, so the shading always
 * reflects the caller's current data.
 */
@Component
class SvgMaps implements Maps {

	private static final String NATIONAL_VIEW_BOX = "0 0 975 610";

	private static final double MARGIN = 4;

	private final Places places;

	private final CountyOutlines outlines;

	SvgMaps(Places places, CountyOutlines outlines) {
		this.places = places;
		this.outlines = outlines;
	}

	@Override
	public String nationalMap(Map<String, CountyShade> countyShades, Map<String, String> links, String title) {
		Map<String, CountyShade> shades = Objects.requireNonNullElse(countyShades, Map.of());
		Map<String, String> stateLinks = Objects.requireNonNullElse(links, Map.of());
		boolean interactive = hasLinks(shades) || stateLinks.values().stream().anyMatch(SvgDocument::isSafeHref);
		SvgDocument svg = new SvgDocument("national", NATIONAL_VIEW_BOX, title, interactive);
		for (String code : this.outlines.stateCodes()) {
			String stateName = this.places.state(code).map(State::name).orElse(code);
			boolean linked = svg.openLink(stateLinks.get(code), stateName);
			List<String> shaded = new ArrayList<>();
			for (String fips : this.outlines.countyFips(code)) {
				if (shades.containsKey(fips)) {
					shaded.add(fips);
				}
				else {
					svg.county(null, this.outlines.county(fips).path(), label(fips));
				}
			}
			svg.closeLink(linked);
			shaded.forEach(fips -> drawShaded(svg, fips, shades.get(fips)));
		}
		svg.border(this.outlines.stateBorders());
		return svg.close();
	}

	@Override
	public String stateMap(String stateCode, Map<String, CountyShade> countyShades, String title) {
		Map<String, CountyShade> shades = Objects.requireNonNullElse(countyShades, Map.of());
		String code = this.places.state(stateCode)
			.map(State::code)
			.orElseThrow(() -> UnknownPlace.forStateCode(stateCode));
		Outline state = this.outlines.state(code).orElseThrow(() -> UnknownPlace.forStateCode(stateCode));
		List<String> counties = this.outlines.countyFips(code);
		SvgDocument svg = new SvgDocument(code, viewBox(counties), title, hasLinks(shades));
		for (String fips : counties) {
			CountyShade shade = shades.get(fips);
			if (shade != null) {
				drawShaded(svg, fips, shade);
			}
			else {
				svg.county(null, this.outlines.county(fips).path(), label(fips));
			}
		}
		svg.border(state.path());
		return svg.close();
	}

	private void drawShaded(SvgDocument svg, String fips, CountyShade shade) {
		String label = (shade.label() == null || shade.label().isBlank()) ? label(fips) : shade.label();
		boolean linked = svg.openLink(shade.href(), label);
		svg.county(shade.cssClass(), this.outlines.county(fips).path(), label);
		svg.closeLink(linked);
	}

	private String label(String fips) {
		return this.places.county(fips).map(c -> c.name() + ", " + c.stateCode()).orElse(fips);
	}

	private String viewBox(List<String> fips) {
		Outline box = fips.stream().map(this.outlines::county).reduce(Outline::union).orElseThrow();
		return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", box.minX() - MARGIN, box.minY() - MARGIN,
				box.maxX() - box.minX() + 2 * MARGIN, box.maxY() - box.minY() + 2 * MARGIN);
	}

	private static boolean hasLinks(Map<String, CountyShade> shades) {
		return shades.values().stream().anyMatch(s -> SvgDocument.isSafeHref(s.href()));
	}

}
