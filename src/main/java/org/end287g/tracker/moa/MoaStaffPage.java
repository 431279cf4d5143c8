package org.end287g.tracker.moa;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The staff page of the MOA library, linked from the staff home. */
@Component
@Order(71)
class MoaStaffPage implements StaffQueue {

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("moa.admin.title", "moa.admin.explain", "/admin/moa"));
	}

}
