/**
 * How events work behind their module: the store, the public pages and feeds,
 * registration, reminders and the organisers' pages, hidden so other modules see none of
 * it.
 */
package org.end287g.events.internal;
