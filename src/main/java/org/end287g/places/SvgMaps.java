package org.end287g.places;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
	public String nationalMap(@Nullable Map<String, CountyShade> countyShades, @Nullable Map<String, String> links,
			String title) {
		Map<String, CountyShade> shades = Objects.requireNonNullElse(countyShades, Map.of());
		Map<String, String> stateLinks = Objects.requireNonNullElse(links, Map.of());
		boolean interactive = hasLinks(shades) || stateLinks.values().stream().anyMatch(SvgDocument::isSafeHref);
		SvgDocument svg = new SvgDocument("national", NATIONAL_VIEW_BOX, title, interactive);
		this.outlines.stateCodes().forEach((code) -> drawStateOfNation(svg, code, shades, stateLinks.get(code)));
		svg.border(this.outlines.stateBorders());
		return svg.close();
	}

	@Override
	public String stateMap(String stateCode, @Nullable Map<String, CountyShade> countyShades, String title) {
		Map<String, CountyShade> shades = Objects.requireNonNullElse(countyShades, Map.of());
		String code = this.places.state(stateCode)
			.map(State::code)
			.orElseThrow(() -> UnknownPlace.forStateCode(stateCode));
		Outline state = this.outlines.state(code).orElseThrow(() -> UnknownPlace.forStateCode(stateCode));
		List<String> counties = this.outlines.countyFips(code);
		SvgDocument svg = new SvgDocument(code, viewBox(counties), title, hasLinks(shades));
		counties.forEach((fips) -> drawCounty(svg, fips, shades.get(fips)));
		svg.border(state.path());
		return svg.close();
	}

	/**
	 * The state's outline inside one link to the state page, then its shaded counties,
	 * each with its own link. Plain counties are not drawn one by one: on a phone the
	 * national map must stay small.
	 */
	private void drawStateOfNation(SvgDocument svg, String code, Map<String, CountyShade> shades,
			@Nullable String href) {
		String name = this.places.state(code).map(State::name).orElse(code);
		this.outlines.state(code).ifPresent((outline) -> {
			boolean linked = svg.openLink(href, name);
			svg.county(null, outline.path(), name);
			svg.closeLink(linked);
		});
		this.outlines.countyFips(code)
			.stream()
			.filter(shades::containsKey)
			.forEach((fips) -> drawCounty(svg, fips, shades.get(fips)));
	}

	private void drawCounty(SvgDocument svg, String fips, @Nullable CountyShade shade) {
		if (shade == null) {
			svg.county(null, this.outlines.county(fips).path(), label(fips));
			return;
		}
		String label = (shade.label() == null || shade.label().isBlank()) ? label(fips) : shade.label();
		boolean linked = svg.openLink(shade.href(), label);
		svg.county(shade.cssClass(), this.outlines.county(fips).path(), label);
		svg.closeLink(linked);
	}

	private String label(String fips) {
		return this.places.county(fips).map((c) -> c.name() + ", " + c.stateCode()).orElse(fips);
	}

	private String viewBox(List<String> fips) {
		Outline box = fips.stream().map(this.outlines::county).reduce(Outline::union).orElseThrow();
		return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", box.minX() - MARGIN, box.minY() - MARGIN,
				box.maxX() - box.minX() + 2 * MARGIN, box.maxY() - box.minY() + 2 * MARGIN);
	}

	private static boolean hasLinks(Map<String, CountyShade> shades) {
		return shades.values().stream().anyMatch((s) -> SvgDocument.isSafeHref(s.href()));
	}

}
