package org.end287g.campaigns.leaders;

import java.util.List;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On the staff home: confirmed requests to lead a campaign, and their page. */
@Component
@Order(10)
class LeaderRequestsQueue implements StaffQueue {

	private final JdbcClient jdbc;

	LeaderRequestsQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WaitingWork> waiting() {
		long pending = this.jdbc.sql("select count(*) from leader_applications where status = 'PENDING'")
			.query(Long.class)
			.single();
		return List.of(new WaitingWork("admin.home.work.leaderRequests", pending, "/admin/leaders"));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("leaders.admin.title", "admin.home.page.leaders", "/admin/leaders"));
	}

}
