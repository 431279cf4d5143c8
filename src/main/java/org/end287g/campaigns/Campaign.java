package org.end287g.campaigns;

import java.time.OffsetDateTime;

/**
 * A campaign as stored: {@code agencySlug} is the tracker's identity of the target
 * agency, {@code title} the agency's name when the campaign was created.
 */
public record Campaign(String slug, String agencySlug, String state, String title, int goal, String status,
		OffsetDateTime createdAt) {
}
