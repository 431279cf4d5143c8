package org.end287g.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.end287g.accounts.OrganizationDirectory;

import org.springframework.stereotype.Component;

/** The organizations as the accounts tables hold them. */
@Component
class JdbcOrganizationDirectory implements OrganizationDirectory {

	private final AccountStore store;

	JdbcOrganizationDirectory(AccountStore store) {
		this.store = store;
	}

	@Override
	public List<Partner> all() {
		return this.store.organizations().stream().map(JdbcOrganizationDirectory::partner).toList();
	}

	@Override
	public Optional<Partner> find(long id) {
		return this.store.organization(id).map(JdbcOrganizationDirectory::partner);
	}

	private static Partner partner(Organization organization) {
		return new Partner(organization.id(), organization.name());
	}

}
