package org.end287g.privacy;

/**
 * Keyed hashes for lookups and duplicate checks on encrypted values: equal inputs give
 * equal indexes, and a database dump without the key reveals nothing.
 */
public interface BlindIndex {

	/**
	 * The index of an e-mail address after {@link EmailAddresses#normalize}: the key that
	 * links everything held about one person.
	 */
	String ofEmail(String email);

	/** The index of any other value, separated by kind ("phone", "zip"...). */
	String of(String kind, String value);

}
