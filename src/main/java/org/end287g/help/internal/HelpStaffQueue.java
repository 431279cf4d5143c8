package org.end287g.help.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Proposed help entries waiting for staff, and the directory's staff page. */
@Component
@Order(70)
class HelpStaffQueue implements StaffQueue {

	private final HelpDirectory directory;

	HelpStaffQueue(HelpDirectory directory) {
		this.directory = directory;
	}

	@Override
	public List<WaitingWork> waiting() {
		return List.of(new WaitingWork("help.admin.waiting", this.directory.waiting(), "/admin/help"));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("help.admin.title", "help.admin.page", "/admin/help"));
	}

}
