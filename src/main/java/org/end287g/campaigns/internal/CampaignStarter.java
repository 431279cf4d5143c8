package org.end287g.campaigns.internal;

import org.end287g.campaigns.Campaigns;
import org.end287g.tracker.IceSheetImported;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Creates missing campaigns once the tracker's data changed: after every accepted ICE
 * sheet (once its transaction committed) and once at start for agencies imported before
 * this module existed. Both are idempotent and safe on every instance.
 */
@Component
class CampaignStarter implements ApplicationRunner {

	private final Campaigns campaigns;

	CampaignStarter(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void sheetImported(IceSheetImported imported) {
		// an upload runs inside a web request, where the tracker keeps the data version
		// the
		// request started with: read the new data as a background job would
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		RequestContextHolder.resetRequestAttributes();
		try {
			this.campaigns.createMissing();
		}
		finally {
			RequestContextHolder.setRequestAttributes(request);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		this.campaigns.createMissing();
	}

}
