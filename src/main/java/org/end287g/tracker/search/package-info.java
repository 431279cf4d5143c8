/**
 * Search: reads what people type (a city and state, a county with or without "County", a
 * ZIP+4, Spanish forms, agency abbreviations) and ranks agencies and places from the read
 * model in memory, once per data version.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.tracker.search;
