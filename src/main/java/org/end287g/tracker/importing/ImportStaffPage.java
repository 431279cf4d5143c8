package org.end287g.tracker.importing;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The staff page of ICE's sheets, linked from the staff home, and the sheets held there
 * for a decision (a held sheet changes nothing until staff accept it).
 */
@Component
@Order(70)
class ImportStaffPage implements StaffQueue {

	private final SheetStore store;

	ImportStaffPage(SheetStore store) {
		this.store = store;
	}

	@Override
	public List<WaitingWork> waiting() {
		return List.of(new WaitingWork("admin.home.work.heldSheets", this.store.heldCount(), "/admin/import"));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("admin.import.title", "admin.home.page.import", "/admin/import"));
	}

}
