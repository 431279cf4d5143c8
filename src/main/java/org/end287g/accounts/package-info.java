/**
 * Accounts: leaders, organizers and admins, their roles and scopes, passwordless sign-in
 * (one-time links by e-mail and passkeys), sessions and devices, and the security
 * configuration every page shares.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "privacy", "notifications", "audit", "problems" })
package org.end287g.accounts;
