package org.end287g.site;

import java.util.List;

/**
 * What the home page shows of the campaigns: those closest to their goal and those won.
 * Implemented by the module that runs the campaigns (the site may not use it); without an
 * implementation the home page still asks for a ZIP code but lists none.
 */
public interface CampaignHighlights {

	/**
	 * At most {@code limit} campaigns gathering signatures that have some, closest to
	 * their goal first, and at most {@code limit} won, the latest first. Read from
	 * memory; counts may be a few seconds old.
	 */
	Highlights highlights(int limit);

	/** The two short lists of the home page. */
	record Highlights(List<Highlight> closeToGoal, List<Highlight> won) {

		public static final Highlights NONE = new Highlights(List.of(), List.of());

	}

	/**
	 * One campaign: its page is {@code /campaigns/{slug}}, {@code name} its target
	 * agency's, {@code place} such as "Gaston County, NC".
	 */
	record Highlight(String slug, String name, String place, long signatures, int goal) {

		/** The value of a progress bar: the count, at most the goal. */
		public long progress() {
			return Math.min(this.signatures, this.goal);
		}

	}

}
