/**
 * How the audit log is kept: JDBC inserts and the H2 trigger that refuses changes, hidden
 * behind AuditLog.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.audit.internal;
