package org.end287g.campaigns;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as stored: {@code agencySlug} is the tracker's identity of the target
 * agency, {@code title} the agency's name when the campaign was created.
 *
 * @param head the target's head and office contacts, as staff entered them
 * @param petitionLanguage {@code en} or {@code es} once a leader has written the
 * petition, {@code null} while the sample is used
 * @param petitionText the leader's petition text, {@code null} for the sample
 */
public record Campaign(long id, String slug, String agencySlug, String state, String title, int goal,
		CampaignStatus status, OffsetDateTime createdAt, Head head, @Nullable String petitionLanguage,
		@Nullable String petitionText, @Nullable LocalDate deadline, @Nullable OffsetDateTime goalReachedAt,
		@Nullable OffsetDateTime possibleWinAt, @Nullable OffsetDateTime closedAt, @Nullable String outcomeNote) {

	/** Whether the campaign still gathers signatures. */
	public boolean gathering() {
		return this.status.gathering();
	}

	/**
	 * The head of the target agency and how to reach the office; every field may be
	 * {@code null}.
	 *
	 * @param title SHERIFF, CHIEF, DIRECTOR or OTHER
	 */
	public record Head(@Nullable String title, @Nullable String name, @Nullable String phone, @Nullable String email,
			@Nullable String address, @Nullable String url) {

		public static final Head UNKNOWN = new Head(null, null, null, null, null, null);

	}

}
