/**
 * Audit: an append-only log of grants, revocations, sign-ins and exports of personal
 * data, readable by admins and editable by no one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.end287g.audit;
