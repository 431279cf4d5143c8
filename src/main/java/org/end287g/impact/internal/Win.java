package org.end287g.impact.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An ended agreement. {@code agencySlug} is the tracker's identity of the agency, null
 * when it is not known (an agreement that ended before our data); {@code ended} is null
 * while no source dates it, and {@code precision} says how much of it the sources give.
 *
 * @param status DRAFT (opened by an import, for staff to complete) or PUBLISHED
 */
record Win(long id, String slug, String status, String agencyName, String state, @Nullable String agencySlug,
		List<String> models, @Nullable LocalDate ended, String precision, String how, @Nullable String campaign,
		@Nullable String organizations, @Nullable String storyEn, @Nullable String storyEs,
		List<Figure.Source> sources) {

	static final List<String> HOWS = List.of("ELECTION", "AGENCY_DECISION", "STATE_LAW", "FEDERAL_FINDING",
			"ICE_TERMINATED", "UNKNOWN");

	static final List<String> MODELS = List.of("JEM", "TFM", "WSO");

	static final List<String> PRECISIONS = List.of("DAY", "MONTH", "YEAR", "UNKNOWN");

	static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED");

	/** The story in the page's language, the other one when it is missing. */
	public @Nullable String story(Locale locale) {
		boolean spanish = "es".equals(locale.getLanguage());
		String story = spanish ? this.storyEs : this.storyEn;
		return (story != null) ? story : (spanish ? this.storyEn : this.storyEs);
	}

	/** The year it ended, null when unknown. */
	public @Nullable Integer year() {
		return (this.ended != null && !"UNKNOWN".equals(this.precision)) ? Integer.valueOf(this.ended.getYear()) : null;
	}

	public boolean published() {
		return "PUBLISHED".equals(this.status);
	}

}
