package org.end287g.tracker;

import java.util.Locale;

/**
 * Server-drawn, accessible SVG pictures of the tracker's data, in the given language;
 * cached under the data version like every other read.
 */
public interface TrackerPictures {

	/** The national county map shaded by the models of listed agreements. */
	String nationalMap(Locale locale);

	/** One state's county map shaded the same way. */
	String stateMap(String stateCode, Locale locale);

	/** A line chart of the number of listed agreements on each participating sheet. */
	String listedChart(Locale locale);

}
