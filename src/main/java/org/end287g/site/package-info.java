/**
 * Site: what every page shares (layout, languages, security headers, errors) and the
 * pages that belong to no single capability (home, about, the explainer).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tracker", "places", "accounts", "problems" })
@org.jspecify.annotations.NullMarked
package org.end287g.site;
