package org.end287g.places;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Server-drawn SVG maps (pre-projected Albers USA county outlines): no tile server and no
 * third-party request. Every shape carries an accessible label and a link.
 */
public interface Maps {

	/**
	 * The national map. Counties in {@code shades} are coloured and linked; the others
	 * are drawn plain. {@code stateLinks} maps a state code to the URL its outline links
	 * to. {@code title} becomes the SVG's accessible name. Without shades or links
	 * ({@code null}) the map is drawn plain.
	 */
	String nationalMap(@Nullable Map<String, CountyShade> shades, @Nullable Map<String, String> stateLinks,
			String title);

	/**
	 * One state's counties, scaled to fill the picture.
	 * @throws UnknownPlace when the code is not one of the 50 states or DC (the Albers
	 * USA outlines leave out the territories)
	 */
	String stateMap(String stateCode, @Nullable Map<String, CountyShade> shades, String title);

}
