package org.end287g.help.internal;

/** What kind of help an entry gives; each has a name in both languages (help.kind.*). */
enum HelpKind {

	/** Paying or arranging bonds for people in immigration detention. */
	BOND_HELP,

	/** Free (pro bono) or low-cost defence against deportation. */
	DEPORTATION_DEFENSE,

	/** Clinics for DACA applications and renewals. */
	DACA_CLINIC,

	/** Know-your-rights trainings and clinics. */
	KNOW_YOUR_RIGHTS,

	/** A hotline to report ICE activity and get a rapid response. */
	RAPID_RESPONSE_HOTLINE,

	/** People who go with others to hearings, check-ins and visits. */
	ACCOMPANIMENT

}
