package org.end287g.tracker;

/**
 * What a page showing an agency says about the campaign to end its agreements: sign its
 * petition (with the count), lead it when it has no leader, or see how it was won.
 *
 * @param campaignSlug the campaign's page is {@code /campaigns/{campaignSlug}}
 * @param needsLeader whether the campaign gathers signatures without a leader
 */
public record CampaignCall(String agencySlug, String campaignSlug, long signatures, int goal, Stage stage,
		boolean needsLeader) {

	/** Where the campaign stands, as the call words it. */
	public enum Stage {

		/** Gathering signatures. */
		GATHERING,

		/** Closed: the agreements ended. */
		WON,

		/** Closed without the agreements ending. */
		CLOSED

	}

	public boolean gathering() {
		return this.stage == Stage.GATHERING;
	}

	public boolean won() {
		return this.stage == Stage.WON;
	}

	/** The value of a progress bar: the count, at most the goal. */
	public long progress() {
		return Math.min(this.signatures, this.goal);
	}

}
