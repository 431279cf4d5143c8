package org.end287g.tracker.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.tracker.AgencyCampaigns;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.CampaignCall;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The calls to the campaigns of the agencies a page shows, when a module provides them
 * ({@link AgencyCampaigns}); without one the tracker still works and shows none.
 */
@Component
class CampaignCalls {

	private final ObjectProvider<AgencyCampaigns> campaigns;

	CampaignCalls(ObjectProvider<AgencyCampaigns> campaigns) {
		this.campaigns = campaigns;
	}

	/** The calls by agency slug; empty without campaigns. */
	Map<String, CampaignCall> of(Collection<String> agencySlugs) {
		AgencyCampaigns provider = this.campaigns.getIfAvailable();
		return (provider != null && !agencySlugs.isEmpty()) ? provider.calls(agencySlugs) : Map.of();
	}

	Map<String, CampaignCall> ofAgencies(Collection<AgencyView> agencies) {
		return of(agencies.stream().map(AgencyView::slug).distinct().toList());
	}

	Map<String, CampaignCall> ofAgreements(Collection<AgreementView> agreements) {
		return of(agreements.stream().map((agreement) -> agreement.agency().slug()).distinct().toList());
	}

	/**
	 * The agencies whose campaigns gather signatures, most signatures first, at most
	 * {@code limit}.
	 */
	static List<Called> gathering(Collection<AgencyView> agencies, Map<String, CampaignCall> calls, int limit) {
		Map<String, Called> called = new LinkedHashMap<>();
		for (AgencyView agency : agencies) {
			CampaignCall call = calls.get(agency.slug());
			if (call != null && call.gathering()) {
				called.putIfAbsent(agency.slug(), new Called(agency, call, null));
			}
		}
		return called.values()
			.stream()
			.sorted(Comparator.comparingLong((Called c) -> -c.call().signatures())
				.thenComparing((c) -> c.agency().name()))
			.limit(limit)
			.toList();
	}

	/**
	 * An agency with its campaign's call and, near a place, its distance in miles
	 * ({@code null} elsewhere).
	 */
	record Called(AgencyView agency, CampaignCall call, @Nullable Long miles) {

		public String place() {
			return (this.agency.county() != null && this.agency.county().name() != null)
					? this.agency.county().name() + ", " + this.agency.state() : this.agency.state();
		}

	}

}
