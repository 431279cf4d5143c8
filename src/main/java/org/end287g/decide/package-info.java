/**
 * Decide: the people who decide. A directory of offices (an agency's head, and the bodies
 * that can press it: county boards, city councils, state legislators, the governor) and
 * of the people who hold them, with public office contacts and the source of each record;
 * a campaign's secondary targets (kept by campaign id, so this module knows nothing of
 * campaigns) and the self-reported calls and letters to them.
 * <p>
 * {@link org.end287g.decide.Officials} is the public API; staff pages, the CSV import and
 * the storage are in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "notifications", "places", "privacy", "problems", "tracker", "validation" })
@org.jspecify.annotations.NullMarked
package org.end287g.decide;
