package org.end287g.privacy;

/**
 * Client IP addresses are never stored: only a keyed hash salted with a random value that
 * changes every day and is deleted after two days, for rate limits and fraud checks.
 */
public interface ClientAddresses {

	/** Today's hash of a client's IP address (the request's remote address). */
	String hash(String clientAddress);

}
