package org.end287g.tracker;

import java.util.Collection;
import java.util.Map;

/**
 * The campaign to end each agency's agreements, which every page showing an agency calls
 * the visitor to join. Implemented by the module that runs the campaigns (the tracker may
 * not use it); without an implementation the tracker's pages show no call.
 */
public interface AgencyCampaigns {

	/**
	 * The calls of those given agencies (by slug) that have a campaign, keyed by agency
	 * slug: one read from memory for a whole list, never a query per agency. Counts may
	 * be a few seconds old.
	 */
	Map<String, CampaignCall> calls(Collection<String> agencySlugs);

}
