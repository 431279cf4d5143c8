package org.end287g.accounts;

import java.util.List;
import java.util.Optional;

/**
 * The partner organizations as other modules may read them: their ids and names (staff
 * create them on {@code /admin/organizations}; organizers' grants refer to them).
 */
public interface Organizations {

	/** Every organization, by name. */
	List<OrganizationName> all();

	/** The organization with this id. */
	Optional<OrganizationName> byId(long id);

	/** An organization's id and name. */
	record OrganizationName(long id, String name) {
	}

}
