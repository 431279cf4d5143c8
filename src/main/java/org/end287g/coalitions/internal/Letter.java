package org.end287g.coalitions.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A sign-on letter to one target of a campaign, in English and Spanish (Markdown).
 *
 * @param targetOfficeId the directory's office, {@code null} for the head staff typed on
 * the campaign
 * @param status {@code DRAFT} (only its writers see it), {@code OPEN} (organizations
 * sign) or {@code CLOSED} (shown, no longer signed)
 */
record Letter(long id, String slug, long campaignId, @Nullable Long targetOfficeId, String targetName,
		@Nullable String targetOffice, String titleEn, String titleEs, String bodyEn, String bodyEs, String status,
		@Nullable OffsetDateTime openedAt, @Nullable LocalDate deliveredOn, @Nullable LocalDate responseOn,
		@Nullable String response, OffsetDateTime createdAt) {

	static final String DRAFT = "DRAFT";

	static final String OPEN = "OPEN";

	static final String CLOSED = "CLOSED";

	public String title(Locale locale) {
		return spanish(locale) ? this.titleEs : this.titleEn;
	}

	public String body(Locale locale) {
		return spanish(locale) ? this.bodyEs : this.bodyEn;
	}

	/** The language of the title and body shown for this locale. */
	public String language(Locale locale) {
		return spanish(locale) ? "es" : "en";
	}

	public boolean open() {
		return OPEN.equals(this.status);
	}

	public boolean draft() {
		return DRAFT.equals(this.status);
	}

	private static boolean spanish(Locale locale) {
		return "es".equals(locale.getLanguage());
	}

}
