package org.end287g.impact.internal;

import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerPageContributor;

import org.springframework.ui.Model;

/**
 * Adds an agency's figures, chart and wins to its tracker page and to its campaign's page
 * ({@code impact/parts}): two cheap queries; a state's page gets the totals of its
 * agencies' figures; a won campaign's page also celebrates the win and points to the next
 * campaign near it.
 */
final class ImpactPageParts {

	private ImpactPageParts() {
	}

	@org.springframework.stereotype.Component
	static class OnAgencyPage implements TrackerPageContributor {

		private final ImpactSummaries summaries;

		OnAgencyPage(ImpactSummaries summaries) {
			this.summaries = summaries;
		}

		@Override
		public void agency(AgencyProfile profile, Model model, Locale locale) {
			ImpactView view = this.summaries.of(profile.agency().slug(), locale);
			if (view != null) {
				model.addAttribute("impact", view);
			}
		}

		@Override
		public void state(StateTotals state, List<AgencyView> agencies, Model model, Locale locale) {
			StateImpact totals = this.summaries.ofState(state.name(), agencies, locale);
			if (totals != null) {
				model.addAttribute("stateImpact", totals);
			}
		}

	}

	@org.springframework.stereotype.Component
	static class OnCampaignPage implements CampaignPageContributor {

		private final ImpactSummaries summaries;

		private final Celebrations celebrations;

		OnCampaignPage(ImpactSummaries summaries, Celebrations celebrations) {
			this.summaries = summaries;
			this.celebrations = celebrations;
		}

		@Override
		public void contribute(Campaign campaign, Model model, Locale locale) {
			ImpactView view = this.summaries.of(campaign.agencySlug(), locale);
			if (view != null) {
				model.addAttribute("impact", view);
			}
			this.celebrations.of(campaign).ifPresent((celebration) -> model.addAttribute("celebration", celebration));
		}

	}

}
