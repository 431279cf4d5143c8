package org.end287g.privacy;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Token-bucket limits shared by every app instance (kept in the database). A refused
 * attempt throws {@link RateLimitExceededException}, which every page answers with a
 * translated 429.
 */
public interface RateLimits {

	/**
	 * Takes one token from the buckets of this limit for the request's hashed client
	 * address and, when given, for the e-mail address (by its blind index).
	 * @param limit the limit's name, configured under {@code end287g.rate-limits.<name>}
	 * @throws RateLimitExceededException when either bucket is empty
	 */
	void check(String limit, HttpServletRequest request, @Nullable String email);

}
