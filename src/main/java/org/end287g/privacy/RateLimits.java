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
	 * when given, for the e-mail address (by the blind index of its
	 * {@linkplain EmailAddresses#identity identity}, so {@code +tags} of the providers
	 * that ignore them share one bucket). Each take is one database transaction that
	 * locks the bucket's row: concurrent attempts, on one instance or several, get
	 * exactly the allowance.
	 * @param limit the limit's name, configured under {@code end287g.rate-limits.<name>}
	 * @param clientAddress the client's IP address (the request's remote address)
	 * @throws RateLimitExceededException when either bucket is empty
	 */
	void check(String limit, String clientAddress, @Nullable String email);

}
