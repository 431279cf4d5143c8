package org.end287g.privacy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Client IP addresses are never stored: only a keyed hash salted with a random value that
 * changes every day and is deleted after two days, for rate limits and fraud checks.
 */
public interface ClientAddresses {

	/** Today's hash of the request's client address. */
	String hash(HttpServletRequest request);

}
