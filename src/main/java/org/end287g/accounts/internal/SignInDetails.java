package org.end287g.accounts.internal;

/**
 * What a session remembers about its sign-in, as plain attributes (so sessions survive a
 * new version of the application): when, how, from which browser and system, and whether
 * the browser was new for the account.
 */
final class SignInDetails {

	public static final String SIGNED_IN_AT = "end287g.signedInAt";

	public static final String METHOD = "end287g.signInMethod";

	public static final String BROWSER = "end287g.browser";

	public static final String SYSTEM = "end287g.system";

	public static final String NEW_DEVICE = "end287g.newDevice";

	/** Signed in with a link sent by e-mail. */
	public static final String LINK = "link";

	/** Signed in with a passkey. */
	public static final String PASSKEY = "passkey";

	private SignInDetails() {
	}

}
