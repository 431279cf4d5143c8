/**
 * Coalitions: the public pages of partner organizations (name, logo, city, mission,
 * website, verification, the letters they signed) and sign-on letters: a campaign's
 * leader or staff write a letter to one of its targets in English and Spanish, open it,
 * and organizations sign it through their organizers' accounts, once each; the letter's
 * page, PDF and open data show who signed, and its delivery and response.
 * <p>
 * Organizations and organizers are accounts'; this module reads them through
 * {@link org.end287g.accounts.OrganizationDirectory} and
 * {@link org.end287g.accounts.Permissions}. Everything is in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "audit", "campaigns", "decide",
		"notifications", "printing", "privacy", "problems", "site", "validation" })
@org.jspecify.annotations.NullMarked
package org.end287g.coalitions;
