package org.end287g.accounts.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Accounts' staff pages on the staff home: accounts, organizations and the audit log. */
@Component
@Order(100)
class AccountsStaffQueue implements StaffQueue {

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("admin.accounts.title", "admin.home.page.accounts", "/admin/accounts"),
				new StaffPage("admin.organizations.title", "admin.home.page.organizations", "/admin/organizations"),
				new StaffPage("admin.audit.title", "admin.home.page.audit", "/admin/audit"));
	}

}
