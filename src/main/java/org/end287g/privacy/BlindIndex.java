package org.end287g.privacy;

/**
 * Keyed hashes for lookups and duplicate checks on encrypted values: equal inputs give
 * equal indexes, and a database dump without the key reveals nothing.
 * <p>
 * A value that several campaigns or events keep about one person (their address, their
 * supporter record) is indexed {@linkplain #within within} each of them: two holders get
 * two unrelated indexes for the same person, so a dump cannot tell that their rows belong
 * together. Only {@link #ofEmail} is the same everywhere, and only the tables that stand
 * for the person as a whole (supporters, accounts, mail) keep it.
 */
public interface BlindIndex {

	/**
	 * The index of an e-mail address after {@link EmailAddresses#normalize}: the key that
	 * links everything held about one person.
	 */
	String ofEmail(String email);

	/** The index of any other value, separated by kind ("phone", "zip"...). */
	String of(String kind, String value);

	/**
	 * The index of a value of this kind as one holder keeps it ("campaign:12",
	 * "event:7"): unrelated to the index of the same value within another holder.
	 */
	default String within(String holder, String kind, String value) {
		return of(kind + "\u0000" + holder, value);
	}

	/**
	 * The index of the person behind an address ({@link EmailAddresses#identity}) within
	 * one holder: one signature per person and petition, one registration per person and
	 * event.
	 */
	default String ofIdentityWithin(String holder, String email) {
		return within(holder, "email-identity", EmailAddresses.identity(email));
	}

	/**
	 * The index of an address's domain within one holder, for staff's checks of one
	 * campaign's signatures.
	 */
	default String ofDomainWithin(String holder, String domain) {
		return within(holder, "email-domain", EmailAddresses.normalize(domain));
	}

}
