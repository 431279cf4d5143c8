package org.end287g.privacy;

import java.util.Locale;

/**
 * Someone asked, on the "my data" form, for a link to the data held about an address, and
 * data is held for it. The notifications module mails the link; nothing else should.
 *
 * @param email the address, as typed (normalised)
 * @param language the language of the form
 * @param link the signed link to the person's "my data" page ({@link PersonalDataLinks})
 */
public record PersonalDataLinkRequested(String email, Locale language, String link) {

	@Override
	public String toString() {
		return "PersonalDataLinkRequested[language=" + this.language + "]";
	}

}
