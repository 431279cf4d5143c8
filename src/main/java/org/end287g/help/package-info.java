/**
 * Help: a directory of legal service providers (bond help, deportation defence, DACA and
 * know-your-rights clinics), rapid-response hotlines and accompaniment networks, found by
 * ZIP, county or the jail where someone is held, shown where people arrive (near me, an
 * agency's page, every campaign page), with a printable card per county and
 * know-your-rights pages. Staff edit and import (every change audited); anyone may
 * propose an entry, and an organiser of an organisation in the coalition directory may
 * propose one in its name (accounts say who organises what, coalitions what the
 * organisation's page shows); staff approve. Nothing asks who the person looking for help
 * is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "audit", "campaigns", "coalitions",
		"places", "printing", "privacy", "problems", "tracker", "validation" })
@org.jspecify.annotations.NullMarked
package org.end287g.help;
