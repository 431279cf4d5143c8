package org.end287g.audit;

import org.jspecify.annotations.Nullable;

/**
 * Appends to the audit log in the caller's transaction. Entries hold account ids, never
 * e-mail addresses or names.
 */
public interface AuditLog {

	/**
	 * Appends one entry.
	 * @param actor who acted: an account id, or "system", or "supporter"
	 * @param action what happened, e.g. "role.grant", "sign-in", "personal-data.export"
	 * @param subject what it happened to (an account id, an organization id...)
	 * @param details a short free text without personal data, may be {@code null}
	 */
	void record(String actor, String action, String subject, @Nullable String details);

}
