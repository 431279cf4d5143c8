package org.end287g.privacy;

import java.time.Duration;
import java.util.Locale;

/**
 * Someone on a "my data" page asked to download or delete the data held about them: the
 * notifications module mails the code that confirms it to the address held, at once (a
 * synchronous listener, so the message is queued in the request's transaction and the
 * code is never recorded anywhere else in clear).
 *
 * @param email the address the data is held under
 * @param language the language of the page
 * @param purpose what the code confirms
 * @param code the code to type, digits only
 * @param validFor how long the code works
 */
public record PersonalDataCodeRequested(String email, Locale language, Purpose purpose, String code,
		Duration validFor) {

	/** What a code confirms: one code never does the other. */
	public enum Purpose {

		/** Downloading everything held, as JSON. */
		EXPORT,
		/** Deleting everything held. */
		DELETE

	}

	@Override
	public String toString() {
		return "PersonalDataCodeRequested[language=" + this.language + ", purpose=" + this.purpose + "]";
	}

}
