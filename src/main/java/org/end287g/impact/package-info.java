/**
 * Impact: what 287(g) agreements did to people, in figures with their sources (per agency
 * or national, entered by staff or imported from CSV), and the wins: every ended
 * agreement with how it ended, who fought it, its story and sources. Shown on agency and
 * campaign pages, at {@code /wins} and in open data; an import that removes an agency's
 * agreements opens a draft win for staff to complete.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tracker", "campaigns", "site", "places",
		"audit", "problems", "validation", "printing" })
@org.jspecify.annotations.NullMarked
package org.end287g.impact;
