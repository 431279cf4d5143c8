package org.end287g.osdi.internal;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the staff home: webhook deliveries that failed every attempt, and the organizations
 * page, where each organization's API keys and webhook are.
 */
@Component
@Order(70)
class OsdiStaffQueue implements StaffQueue {

	private final JdbcClient jdbc;

	OsdiStaffQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WaitingWork> waiting() {
		long failed = this.jdbc.sql("select count(*) from osdi_deliveries where failed_at is not null")
			.query(Long.class)
			.single();
		return List.of(new WaitingWork("osdi.home.failed", failed, "/admin/organizations"));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("osdi.home.title", "osdi.home.description", "/admin/organizations"));
	}

}
