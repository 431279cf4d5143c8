package org.end287g.privacy;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Encrypts personal data before it reaches the database (authenticated encryption with
 * keys from configuration, never from the database). The context names the column, so a
 * value moved to another column does not decrypt.
 */
public interface PersonalDataCipher {

	/** Encrypts a value; {@code null} stays {@code null}. */
	@Contract("!null, _ -> !null")
	byte @Nullable [] seal(@Nullable String plain, String context);

	/**
	 * Decrypts a value sealed under the same context; {@code null} stays {@code null}.
	 */
	@Contract("!null, _ -> !null")
	@Nullable String open(byte @Nullable [] sealed, String context);

}
