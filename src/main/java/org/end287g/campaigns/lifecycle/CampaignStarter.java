package org.end287g.campaigns.lifecycle;

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
 * agencies the sheet changed when it was applied on top of the history) and once at start
 * for every listed agency, so agencies imported before this module existed have theirs.
 * Both are idempotent and safe on every instance.
 */
@Component
class CampaignStarter implements ApplicationRunner {

	private final Campaigns campaigns;

	private final TrackerReader tracker;

	CampaignStarter(Campaigns campaigns, TrackerReader tracker) {
		this.campaigns = campaigns;
		this.tracker = tracker;
	}

	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "campaigns.create-missing-after-import")
	void sheetImported(IceSheetImported imported) {
		ChangedAgencies.of(imported, this.tracker)
			.ifPresentOrElse(this.campaigns::createMissing, this.campaigns::createMissing);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.campaigns.createMissing();
	}

}
