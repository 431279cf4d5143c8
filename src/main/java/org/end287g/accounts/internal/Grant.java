package org.end287g.accounts.internal;

import java.time.OffsetDateTime;

import org.end287g.accounts.Roles;

/**
 * A role granted to an account, scoped to an organization (organizers) or a campaign
 * (leaders); revoked grants stay as history.
 */
record Grant(long id, String accountId, Roles role, Long organizationId, String organizationName, Long campaignId,
		String grantedBy, OffsetDateTime grantedAt, OffsetDateTime revokedAt, String revokedBy) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
