package org.end287g.accounts.internal;

import java.time.OffsetDateTime;

import org.end287g.accounts.Roles;
import org.jspecify.annotations.Nullable;

/**
 * A role granted to an account, scoped to an organization (organizers) or a campaign
 * (leaders); revoked grants stay as history.
 */
record Grant(long id, String accountId, Roles role, @Nullable Long organizationId, @Nullable String organizationName,
		@Nullable Long campaignId, String grantedBy, OffsetDateTime grantedAt, @Nullable OffsetDateTime revokedAt,
		@Nullable String revokedBy) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
