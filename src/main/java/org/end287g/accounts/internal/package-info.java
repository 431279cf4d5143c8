/**
 * How accounts work behind the module's API: the tables, sign-in by link and passkey,
 * sessions and devices, the security filter chains and the account, admin, organizer and
 * leader pages, hidden so other modules see only permissions, the directory and rules.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.accounts.internal;
