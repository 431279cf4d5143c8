/**
 * How mail is kept and sent: the outbox table, its worker, templates and links, hidden
 * behind Outbox.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.notifications.internal;
