package org.end287g.accounts.internal;

import org.end287g.accounts.Roles;
import org.end287g.validation.EnumName;
import org.end287g.validation.TypedText;

/**
 * A role an admin gives, with the organization (organizers) or campaign number (leaders)
 * it needs; whether those exist is the controller's check.
 */
record RoleForm(@EnumName(value = Roles.class, message = "{admin.accounts.error.role}") String role,
		String organization, String campaign) {

	/** The empty form: a leader. */
	static final RoleForm BLANK = new RoleForm(Roles.LEADER.name(), "", "");

	RoleForm {
		role = TypedText.line(role);
		organization = TypedText.line(organization);
		campaign = TypedText.line(campaign);
	}

}
