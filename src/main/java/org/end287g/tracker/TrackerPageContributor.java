package org.end287g.tracker;

import java.util.List;
import java.util.Locale;

import org.end287g.places.County;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * Adds what a module above the tracker shows on the tracker's pages (help near a jail,
 * what an agreement cost, a county's wins ...). The tracker may not use those modules;
 * they implement this as a bean and render their own fragment, which the tracker's
 * template includes when the attribute is present. The pages are kept for a moment by the
 * page cache, so a contributor reads from memory or with one cheap query.
 */
public interface TrackerPageContributor {

	/**
	 * Adds this module's attributes to an agency's page.
	 * @param locale the page's language
	 */
	default void agency(AgencyProfile profile, Model model, Locale locale) {
	}

	/**
	 * Adds this module's attributes to the near-me page once a place is found.
	 * @param zip the ZIP code the visitor gave, or null when they gave a point or county
	 * @param locale the page's language
	 */
	default void near(County county, @Nullable String zip, Model model, Locale locale) {
	}

	/**
	 * Adds this module's attributes to a state's page.
	 * @param agencies every agency of the state the tracker lists (active, pending or
	 * removed agreements), once each
	 * @param locale the page's language
	 */
	default void state(StateTotals state, List<AgencyView> agencies, Model model, Locale locale) {
	}

}
