/**
 * Toolkit: what leaders need to grow a campaign: ready-made share messages and plain
 * share links, the share image and QR code, printed materials (flyer, signature sheet,
 * handout), training lessons, talking points and public-records requests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "campaigns", "impact", "tracker", "places",
		"accounts", "audit", "printing", "site", "problems" })
@org.jspecify.annotations.NullMarked
package org.end287g.toolkit;
