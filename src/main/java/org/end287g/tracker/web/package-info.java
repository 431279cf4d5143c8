/**
 * Tracker pages and open data: search, near me, state and agency pages, JSON, CSV and
 * Atom.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.tracker.web;
