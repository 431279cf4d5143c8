package org.end287g.campaigns;

/**
 * Where a campaign stands, in the order a campaign usually goes through these statuses.
 * The module moves a campaign between them, each move one conditional update, so other
 * modules only read them.
 */
public enum CampaignStatus {

	/** Gathering signatures, the goal not reached yet. */
	OPEN,

	/** The goal is reached: ready to deliver, and still gathering. */
	READY,

	/**
	 * ICE no longer lists an agreement of the agency; staff check whether it really
	 * ended. Still gathering.
	 */
	POSSIBLE_WIN,

	/** Closed: the agreements ended. */
	WON,

	/** Closed without the agreements ending. */
	LOST;

	/** Whether a campaign in this status still gathers signatures. */
	public boolean gathering() {
		return this == OPEN || this == READY || this == POSSIBLE_WIN;
	}

}
