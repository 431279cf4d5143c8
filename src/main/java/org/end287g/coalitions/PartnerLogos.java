package org.end287g.coalitions;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Partner organizations as events and campaign pages show them: a link to the
 * organization's page and its logo when it has one.
 */
public interface PartnerLogos {

	/** These organizations (unknown ids are left out), by name. */
	List<Partner> of(List<Long> organizationIds);

	/**
	 * An organization as a partner.
	 *
	 * @param path its public page, {@code /organisations/{id}-{name}}
	 * @param logoPath its logo (a PNG of at most 256 by 256 pixels), {@code null} without
	 * one
	 */
	record Partner(long id, String name, String path, @Nullable String logoPath) {
	}

}
