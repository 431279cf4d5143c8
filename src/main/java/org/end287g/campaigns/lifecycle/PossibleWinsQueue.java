package org.end287g.campaigns.lifecycle;

import java.util.List;

import org.end287g.StaffQueue;
import org.end287g.campaigns.CampaignStatus;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the staff home: campaigns marked as possible wins, for staff to confirm or close
 * ({@link PossibleWins}), each linked; and the campaigns' staff page.
 */
@Component
@Order(20)
class PossibleWinsQueue implements StaffQueue {

	private final JdbcClient jdbc;

	PossibleWinsQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WaitingWork> waiting() {
		List<Case> cases = this.jdbc
			.sql("select slug, title from campaigns where status = ? order by possible_win_at, id")
			.param(CampaignStatus.POSSIBLE_WIN.name())
			.query((rs, n) -> new Case(rs.getString("title"), "/admin/campaigns/" + rs.getString("slug")))
			.list();
		return List.of(new WaitingWork("admin.home.work.possibleWins", cases.size(),
				"/admin/campaigns?status=" + CampaignStatus.POSSIBLE_WIN.name(), cases));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("staff.campaigns.title", "admin.home.page.campaigns", "/admin/campaigns"));
	}

}
