/**
 * Campaigns: one public campaign page per agency with an ACTIVE or PENDING 287(g)
 * agreement, created as ICE's data introduces the agency, with a sample petition and a
 * signature goal.
 * <p>
 * Its subpackages, one per feature ({@code pages}, {@code lifecycle}, {@code signing},
 * {@code leaders}, {@code delivery}, {@code targets}), are internal to the module; they
 * refuse requests with the shared {@code problems.Problem}, which the site answers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tracker", "places", "accounts", "privacy",
		"notifications", "audit", "printing", "site", "problems", "decide" })
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns;
