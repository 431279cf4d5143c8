/**
 * Alerts: anyone can follow a county or a state and hear by e-mail, in their language,
 * when an ICE sheet changes the 287(g) agreements there (a new request, a signing, an
 * end), once per sheet, with what they can do. Double opt-in, one-click unsubscribe,
 * sealed addresses, shown and deleted with the rest of "my data". We never ask who the
 * person is beyond the address the mail goes to.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "tracker", "places", "privacy", "notifications", "problems" })
@org.jspecify.annotations.NullMarked
package org.end287g.alerts;
