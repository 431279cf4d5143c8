package org.end287g.accounts.internal;

import jakarta.validation.constraints.Pattern;
import org.end287g.accounts.Roles;
import org.end287g.privacy.EmailAddress;
import org.end287g.validation.EnumName;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;

/**
 * An admin's invitation: who (address, name, language) and the first role, with the
 * organization or campaign it needs (checked against the database by the controller).
 */
record InvitationForm(
		@EmailAddress(required = "{accounts.error.email.required}", tooLong = "{accounts.error.email.long}",
				message = "{accounts.error.email.malformed}") String email,
		@PlainText(max = Account.MAX_NAME, required = "{accounts.error.name.required}",
				tooLong = "{accounts.error.name.long}", message = "{accounts.error.name.malformed}") String name,
		@Pattern(regexp = Account.LANGUAGES, message = "{accounts.error.language}") String language,
		@EnumName(value = Roles.class, message = "{admin.accounts.error.role}") String role, String organization,
		String campaign) {

	/** The empty form: English, a leader. */
	static final InvitationForm BLANK = new InvitationForm("", "", "en", Roles.LEADER.name(), "", "");

	InvitationForm {
		email = TypedText.line(email);
		name = TypedText.line(name);
		language = TypedText.line(language);
		role = TypedText.line(role);
		organization = TypedText.line(organization);
		campaign = TypedText.line(campaign);
	}

	RoleForm roleForm() {
		return new RoleForm(this.role, this.organization, this.campaign);
	}

}
