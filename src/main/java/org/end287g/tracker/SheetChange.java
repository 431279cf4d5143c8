package org.end287g.tracker;

/**
 * What one accepted sheet changed for one agreement: the news people subscribed to hear
 * about in their county or state.
 *
 * @param kind LISTED_PENDING (asked ICE for an agreement), LISTED_ACTIVE or
 * MOVED_TO_ACTIVE (signed), REMOVED (ended or left the list), RELISTED (back on the list)
 * @param model the agreement's model (JEM, TFM, WSO)
 */
public record SheetChange(String kind, String model, AgencyView agency) {
}
