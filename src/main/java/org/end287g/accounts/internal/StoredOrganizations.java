package org.end287g.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.end287g.accounts.Organizations;

import org.springframework.stereotype.Component;

/** {@link Organizations} on the organizations table. */
@Component
class StoredOrganizations implements Organizations {

	private final AccountStore store;

	StoredOrganizations(AccountStore store) {
		this.store = store;
	}

	@Override
	public List<OrganizationName> all() {
		return this.store.organizations().stream().map(StoredOrganizations::named).toList();
	}

	@Override
	public Optional<OrganizationName> byId(long id) {
		return this.store.organization(id).map(StoredOrganizations::named);
	}

	private static OrganizationName named(Organization organization) {
		return new OrganizationName(organization.id(), organization.name());
	}

}
