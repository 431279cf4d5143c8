package org.end287g.privacy;

/**
 * Encrypts personal data before it reaches the database (authenticated encryption with
 * keys from configuration, never from the database). The context names the column, so a
 * value moved to another column does not decrypt.
 */
public interface PersonalDataCipher {

	/** Encrypts a value; {@code null} stays {@code null}. */
	byte[] seal(String plain, String context);

	/**
	 * Decrypts a value sealed under the same context; {@code null} stays {@code null}.
	 */
	String open(byte[] sealed, String context);

}
