package org.end287g.campaigns.lifecycle;

import org.end287g.CommandRun;
import org.end287g.campaigns.Campaigns;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.TrackerReader;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Creates missing campaigns once the tracker's data changed: after every accepted ICE
 * sheet (after its commit, in a transaction of its own, run again if it fails; for the
 * agencies the sheet changed when it was applied on top of the history) and once at a
 * server's start for every listed agency, so agencies imported before this module existed
 * have theirs. Both are idempotent and safe on every instance.
 */
@Component
class CampaignStarter implements ApplicationRunner {

	private final Campaigns campaigns;

	private final TrackerReader tracker;

	private final CommandRun run;

	CampaignStarter(Campaigns campaigns, TrackerReader tracker, CommandRun run) {
		this.campaigns = campaigns;
		this.tracker = tracker;
		this.run = run;
	}

	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "campaigns.create-missing-after-import")
	void sheetImported(IceSheetImported imported) {
		ChangedAgencies.of(imported, this.tracker)
			.ifPresentOrElse(this.campaigns::createMissing, this.campaigns::createMissing);
	}

	/**
	 * At a server's start only: a command (an import) exits before it would matter, and
	 * the sheets it imports have their campaigns made after each.
	 */
	@Override
	public void run(ApplicationArguments args) {
		if (this.run.servesSite()) {
			this.campaigns.createMissing();
		}
	}

}
