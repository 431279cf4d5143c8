package org.end287g.impact.internal;

import java.util.List;

/**
 * A state's figure totals: per measure, the sum over the state's agencies we have figures
 * for, worded as a lower bound, with the figures it adds (agency, period, source).
 */
record StateImpact(String stateName, List<Total> totals) {

	/** One measure: the sentence and the figures it sums. */
	record Total(String measure, long sum, String text, List<Part> parts) {
	}

	/** One agency's figure in a total. */
	record Part(String agencyName, String agencySlug, String text, Figure.Source source) {
	}

}
