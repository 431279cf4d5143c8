package org.end287g.tracker;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.ui.Model;

/**
 * Agencies whose agreements ended before the tracker's data begin (Mecklenburg's in
 * 2018), which a module above the tracker knows (impact's wins): they keep a page at the
 * tracker's address, {@code /agencies/{slug}}, and show in search results. The tracker
 * may not use that module; it implements this as a bean and renders its own template. The
 * tracker asks only for what it does not know itself, and its pages are kept for a moment
 * by the page cache, so an implementation answers with one cheap query.
 */
public interface AgenciesBeforeOurData {

	/**
	 * The page of an agency the tracker does not know: adds its attributes to the model
	 * and returns the template's name; empty when this module does not know it either.
	 * @param slug the address, in the tracker's form
	 * ({@code nc-mecklenburg-county-sheriffs-office})
	 * @param locale the page's language
	 */
	Optional<String> page(String slug, Model model, Locale locale);

	/**
	 * The agencies whose name (or state) holds every distinctive word of a search, by
	 * name; none for a query of generic words only ("county sheriff").
	 * @param locale the page's language
	 */
	List<Found> search(String query, Locale locale);

	/**
	 * An agency found by a search.
	 *
	 * @param slug its page is {@code /agencies/{slug}}
	 * @param ended when and how its agreement ended, one line in the page's language
	 */
	record Found(String slug, String name, String state, String ended) {
	}

}
