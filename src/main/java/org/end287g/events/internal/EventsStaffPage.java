package org.end287g.events.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The staff page of events, linked from the staff home. */
@Component
@Order(50)
class EventsStaffPage implements StaffQueue {

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("admin.home.events", "admin.home.page.events", "/admin/events"));
	}

}
