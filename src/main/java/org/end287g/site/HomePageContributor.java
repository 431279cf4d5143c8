package org.end287g.site;

import java.util.Locale;

import org.springframework.ui.Model;

/**
 * Adds what a module above the site shows on the home page (such as the count of wins);
 * the module renders its own fragment, which {@code home.html} includes when the
 * attribute is present. The home page is kept by the page cache, so a contributor reads
 * with one cheap query.
 */
public interface HomePageContributor {

	/** Adds this module's attributes to the home page's model. */
	void home(Model model, Locale locale);

}
