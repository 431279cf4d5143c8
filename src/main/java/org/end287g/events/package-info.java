/**
 * Events: webinars, meetings and actions organised by staff (national) or by leaders (for
 * their campaigns), shown in the visitor's time zone, with registration, a waiting list,
 * reminders, check-in and iCalendar feeds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "campaigns", "places", "privacy",
		"notifications", "audit", "problems", "coalitions" })
@org.jspecify.annotations.NullMarked
package org.end287g.events;
