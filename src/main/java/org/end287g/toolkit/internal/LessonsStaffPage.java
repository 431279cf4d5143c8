package org.end287g.toolkit.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The staff page of the training lessons, linked from the staff home. */
@Component
@Order(60)
class LessonsStaffPage implements StaffQueue {

	@Override
	public List<StaffPage> pages() {
		return List
			.of(new StaffPage("toolkit.admin.lessons.title", "admin.home.page.lessons", "/admin/toolkit/lessons"));
	}

}
