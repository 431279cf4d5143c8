/**
 * Tracker: ICE's 287(g) spreadsheets imported as snapshots, the agencies and agreements
 * derived from them, their history, the library of their MOAs and the open data built on
 * it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "places", "problems" })
@org.jspecify.annotations.NullMarked
package org.end287g.tracker;
