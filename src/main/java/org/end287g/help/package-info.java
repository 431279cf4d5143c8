/**
 * Help: a directory of legal service providers (bond help, deportation defence, DACA and
 * know-your-rights clinics), rapid-response hotlines and accompaniment networks, found by
 * ZIP, county or the jail where someone is held, shown where people arrive (near me, an
 * agency's page, every campaign page), with a printable card per county and
 * know-your-rights pages. Staff edit and import; organisations propose entries that staff
 * approve. Nothing asks who the person looking for help is.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "campaigns", "places", "printing", "privacy", "problems", "tracker", "validation" })
@org.jspecify.annotations.NullMarked
package org.end287g.help;
