/**
 * How events work: the store, the organisers' and public pages, registration and the
 * waiting line, reminders, check-in and the feeds, hidden because other modules only see
 * events through their pages and feeds, never through calls.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.events.internal;
