package org.end287g.impact;

import java.util.Locale;
import java.util.Optional;

/**
 * An agency's headline figure, for materials made elsewhere (the toolkit's handout and
 * share image): one sentence with its source, in the asked language. One cheap query.
 */
public interface HeadlineFigures {

	/**
	 * The agency's most telling figure (people processed for deportation first, then
	 * deportations, detainers ...; the latest of its measure), or empty when we have
	 * none.
	 */
	Optional<HeadlineFigure> of(String agencySlug, Locale locale);

	/**
	 * A figure as a sentence, such as "More than 15,000 people placed into deportation
	 * proceedings through 287(g), 2006 to 5 December 2018.", and its source ("Source:
	 * title, publisher, date").
	 */
	record HeadlineFigure(String text, String source) {
	}

}
