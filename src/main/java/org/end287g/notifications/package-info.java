/**
 * Notifications: the transactional e-mail outbox, its worker, mail templates in English
 * and Spanish, one-click unsubscribe, and the staff page of kept mail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "privacy" })
@org.jspecify.annotations.NullMarked
package org.end287g.notifications;
