package org.end287g.tracker.importing;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The staff page of ICE's sheets, linked from the staff home. */
@Component
@Order(70)
class ImportStaffPage implements StaffQueue {

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("admin.import.title", "admin.home.page.import", "/admin/import"));
	}

}
