package org.end287g.accounts;

/**
 * Roles are granted by admins, never chosen by the person who holds them. A leader's
 * rights reach only the campaigns they lead, an organizer's only their organization.
 */
public enum Roles {

	/** A local volunteer who leads one or more county campaigns. */
	LEADER,
	/** Staff of a partner organization. */
	ORGANIZER,
	/** National staff; must sign in with a passkey. */
	ADMIN

}
