package org.end287g.tracker;

/** Counts of one state's agreements, for lists of states and their links. */
public record StateTotals(String code, String name, int active, int pending, int removed) {
}
