package org.end287g.privacy;

/**
 * Caps whose requester must not learn that they were reached (how many sign-in mails one
 * address gets: an attacker asking for someone's links gets the same answer as that
 * person). Token buckets shared by every app instance, like {@link RateLimits}, named and
 * configured the same way.
 */
public interface QuietLimits {

	/**
	 * Takes one token from the bucket of this limit for the e-mail address (by its blind
	 * index); refuses nothing.
	 * @param limit the limit's name, configured under {@code end287g.rate-limits.<name>}
	 * (only {@code per-email} and {@code period} apply)
	 * @return false when the bucket was empty: the caller does quietly less
	 */
	boolean tryTake(String limit, String email);

}
