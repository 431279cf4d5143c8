/**
 * Accounts: leaders, organizers and admins, their roles and scopes, passwordless sign-in
 * (one-time links by e-mail and passkeys), sessions and devices, and the security
 * configuration every page shares, with the {@link org.end287g.accounts.RequestRule}s and
 * {@link org.end287g.accounts.LeanPublicPost}s other modules declare.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "privacy", "notifications", "audit", "problems" })
@org.jspecify.annotations.NullMarked
package org.end287g.accounts;
