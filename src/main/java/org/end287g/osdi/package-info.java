/**
 * OSDI: the organizing tools people already use (Action Network and other CRMs) read
 * petitions and events through an OSDI 1.x HAL+JSON API at {@code /api/osdi/v1/}, and an
 * organization, with an API key staff gave it, the signatures and attendances of the
 * supporters who chose to share their details with it; a webhook sends it the new ones.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "audit", "campaigns", "events", "privacy", "problems", "validation" })
@org.jspecify.annotations.NullMarked
package org.end287g.osdi;
