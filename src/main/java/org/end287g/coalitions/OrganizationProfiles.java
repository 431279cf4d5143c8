package org.end287g.coalitions;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An organization's public facts, for modules that show who vouches for something (help's
 * proposals) or fill a form from them: its page, its website and whether it is verified.
 */
public interface OrganizationProfiles {

	/** The organization with this id (accounts'), empty when there is none. */
	Optional<Profile> of(long organizationId);

	/**
	 * An organization as its public page shows it.
	 *
	 * @param path its public page, {@code /organisations/{id}-{name}}
	 * @param website its website, {@code null} when its organizers gave none
	 * @param verified whether it is verified (by its domain or by staff)
	 */
	record Profile(long id, String name, String path, @Nullable String website, boolean verified) {
	}

}
