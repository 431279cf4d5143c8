package org.end287g.campaigns;

import java.util.List;
import java.util.Locale;

/**
 * Adds what a module above campaigns writes in the mail that tells a campaign's
 * supporters it was won (help after a win: the county's rapid-response hotlines and legal
 * help). Called inside the close's transaction, once per language of the recipients, so
 * it reads cheaply; the campaigns module may not use those modules.
 */
public interface WonMailContributor {

	/**
	 * The sections this module adds to the mail, already worded in the language; empty
	 * for none.
	 */
	List<Section> won(Campaign campaign, Locale locale);

	/** A heading, a sentence under it and its lines (each a point), as plain text. */
	record Section(String heading, String lead, List<String> lines) {

		public Section {
			lines = List.copyOf(lines);
		}

	}

}
