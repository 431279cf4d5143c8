package org.end287g.accounts;

import java.util.List;
import java.util.Optional;

/**
 * The partner organizations, for the modules that let supporters share their details with
 * one (campaigns, events), give an organization its API keys (osdi) and its public page
 * (coalitions).
 */
public interface OrganizationDirectory {

	/** Every organization, by name. */
	List<Partner> all();

	/** The organization with this id. */
	Optional<Partner> find(long id);

	/** An organization by its id and name. */
	record Partner(long id, String name) {
	}

}
