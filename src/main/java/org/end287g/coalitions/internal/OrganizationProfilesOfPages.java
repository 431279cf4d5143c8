package org.end287g.coalitions.internal;

import java.util.Optional;

import org.end287g.coalitions.OrganizationProfiles;

import org.springframework.stereotype.Component;

/** Organizations' public facts, from their public pages. */
@Component
class OrganizationProfilesOfPages implements OrganizationProfiles {

	private final OrganizationPages pages;

	OrganizationProfilesOfPages(OrganizationPages pages) {
		this.pages = pages;
	}

	@Override
	public Optional<Profile> of(long organizationId) {
		return this.pages.byId(organizationId)
			.map((page) -> new Profile(page.id(), page.name(), "/organisations/" + page.slug(), page.website(),
					page.verified()));
	}

}
