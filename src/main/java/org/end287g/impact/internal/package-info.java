/**
 * How impact is kept and shown: the figures and wins stores, their checks, the CSV
 * import, the public and staff pages, the open data and the listener that opens draft
 * wins. No other module calls it; it adds to the tracker's, the campaigns' and the home
 * page.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.impact.internal;
