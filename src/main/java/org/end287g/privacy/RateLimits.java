package org.end287g.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Token-bucket limits shared by every app instance (kept in the database). A refused
 * attempt throws {@link RateLimitExceededException}, which every page answers with a
 * translated 429.
 */
public interface RateLimits {

	/**
	 * Takes one token from the buckets of this limit for the hashed client address and,
	 * when given, for the e-mail address (by its blind index).
	 * @param limit the limit's name, configured under {@code end287g.rate-limits.<name>}
	 * @param clientAddress the client's IP address (the request's remote address)
	 * @throws RateLimitExceededException when either bucket is empty
	 */
	void check(String limit, String clientAddress, @Nullable String email);

}
