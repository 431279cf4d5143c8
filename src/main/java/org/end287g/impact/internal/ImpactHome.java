package org.end287g.impact.internal;

import java.util.List;
import java.util.Locale;

import org.end287g.StaffQueue;
import org.end287g.site.HomePageContributor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The count of wins on the home page, and on the staff home the drafts waiting to be
 * completed with the impact pages.
 */
@Component
class ImpactHome implements HomePageContributor, StaffQueue {

	private final Wins wins;

	ImpactHome(Wins wins) {
		this.wins = wins;
	}

	@Override
	public void home(Model model, Locale locale) {
		model.addAttribute("winCount", this.wins.publishedCount());
	}

	@Override
	public List<WaitingWork> waiting() {
		return List.of(new WaitingWork("impact.admin.drafts", this.wins.drafts(), "/admin/impact/wins"));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("impact.admin.title", "impact.admin.page", "/admin/impact"),
				new StaffPage("impact.admin.wins.title", "impact.admin.wins.page", "/admin/impact/wins"));
	}

}
