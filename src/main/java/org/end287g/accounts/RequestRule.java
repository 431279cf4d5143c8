package org.end287g.accounts;

import java.util.List;

/**
 * Paths that only some people may open. A module declares its rules as beans; accounts
 * applies every module's rules in its security filter chain, the strictest first, so a
 * rule can narrow who may open a path but never widen it. A path no rule names is open to
 * anyone.
 * <p>
 * Accounts declares the areas named after its roles, which every module may put pages in:
 * {@code /admin/**} is for staff; {@code /leader/**}, {@code /organizer/**} and
 * {@code /account/**} need a sign-in.
 *
 * @param access who may open the paths
 * @param patterns Spring path patterns, such as {@code /admin/**}
 */
public record RequestRule(Access access, List<String> patterns) {

	public RequestRule {
		patterns = List.copyOf(patterns);
		if (patterns.isEmpty()) {
			throw new IllegalArgumentException("A request rule names at least one path");
		}
	}

	/** Only people who signed in (by link or passkey). */
	public static RequestRule signedIn(String... patterns) {
		return new RequestRule(Access.SIGNED_IN, List.of(patterns));
	}

	/** Only staff: the admin role, signed in with a passkey. */
	public static RequestRule staff(String... patterns) {
		return new RequestRule(Access.STAFF, List.of(patterns));
	}

	/** Who may open a path, from the least to the most restricted. */
	public enum Access {

		/** Anyone who signed in, by link or passkey. */
		SIGNED_IN,

		/** Staff: the admin role, signed in with a passkey (not only a link). */
		STAFF

	}

}
