package org.end287g.coalitions.internal;

import java.util.List;
import java.util.Locale;

import org.end287g.coalitions.PartnerLogos;

import org.springframework.stereotype.Component;

/** Partners with their logos, from the organizations' public pages. */
@Component
class OrganizationLogos implements PartnerLogos {

	private final OrganizationPages pages;

	OrganizationLogos(OrganizationPages pages) {
		this.pages = pages;
	}

	@Override
	public List<Partner> of(List<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return this.pages.all()
			.stream()
			.filter((page) -> organizationIds.contains(page.id()))
			.sorted(java.util.Comparator.comparing((OrganizationPage page) -> page.name().toLowerCase(Locale.ROOT)))
			.map((page) -> new Partner(page.id(), page.name(), "/organisations/" + page.slug(), page.logoPath()))
			.toList();
	}

}
