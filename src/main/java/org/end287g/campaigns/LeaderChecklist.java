package org.end287g.campaigns;

/**
 * The training checklist on a leader's dashboard, for parts of the site that know when a
 * step is done (the training lessons tick "read the leader guide").
 */
public interface LeaderChecklist {

	/** The step every lesson completes. */
	String READ_GUIDE = "read-guide";

	/** Marks a step of the checklist done for this leader; idempotent. */
	void complete(String accountId, long campaignId, String step);

}
