package org.end287g.alerts;

import org.end287g.privacy.EmailAddress;
import org.end287g.validation.TypedText;

/**
 * The alert form as typed: the address the alerts go to and the place followed (a hidden
 * field of the page the form sits on).
 */
record AlertForm(@EmailAddress(required = "{alerts.error.email.empty}", tooLong = "{alerts.error.email.long}",
		message = "{alerts.error.email.invalid}") String email, String place) {

	AlertForm {
		email = TypedText.line(email);
		place = TypedText.line(place);
	}

}
