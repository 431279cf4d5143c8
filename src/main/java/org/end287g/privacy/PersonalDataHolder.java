package org.end287g.privacy;

import java.util.Map;
import java.util.Optional;

/**
 * Implemented by every module that keeps personal data, keyed by the blind index of the
 * person's e-mail address: the "my data" page shows, exports and deletes through these.
 */
public interface PersonalDataHolder {

	/** A stable section name for the export ("supporter", "account", "mail"...). */
	String section();

	/**
	 * What is held about this person, decrypted, as JSON-ready values; empty when
	 * nothing.
	 */
	Map<String, Object> describe(String emailIndex);

	/** Deletes (or anonymises, keeping counts) what is held about this person. */
	void forget(String emailIndex);

	/**
	 * The e-mail address this holder keeps for the person, decrypted, if it keeps one:
	 * where the "my data" page sends the code that confirms a download or a deletion.
	 */
	default Optional<String> address(String emailIndex) {
		return Optional.empty();
	}

}
