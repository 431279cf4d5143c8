package org.end287g.decide.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The directory's entry on the staff home. */
@Component
@Order(75)
class DecideStaffPage implements StaffQueue {

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("decide.admin.title", "decide.admin.description", "/admin/decide"));
	}

}
