package org.end287g.accounts;

import java.util.List;

/**
 * A public POST so busy that the full security filter chain's cost shows: accounts passes
 * it through a short chain of its own, with the same security headers and CSRF check as
 * every page but none of the sign-in, passkey, logout and session filters (such a request
 * names no account and gets no session). A path that a {@link RequestRule} restricts
 * always takes the full chain.
 *
 * @param patterns Spring path patterns of the POST requests
 */
public record LeanPublicPost(List<String> patterns) {

	public LeanPublicPost {
		patterns = List.copyOf(patterns);
		if (patterns.isEmpty()) {
			throw new IllegalArgumentException("A lean public POST names at least one path");
		}
	}

	public static LeanPublicPost of(String... patterns) {
		return new LeanPublicPost(List.of(patterns));
	}

}
