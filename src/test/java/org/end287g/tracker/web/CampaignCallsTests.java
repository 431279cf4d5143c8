package org.end287g.tracker.web;

import java.util.List;
import java.util.Map;

import org.end287g.tracker.AgencyCampaigns;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.CampaignCall;
import org.end287g.tracker.CountyRef;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker works alone: without campaigns its pages simply show no call. */
class CampaignCallsTests {

	static final AgencyView GASTON = new AgencyView("Gaston County Sheriff's Office", "gaston", "NC", "COUNTY",
			new CountyRef("37071", "Gaston County"));

	static final AgencyView YORK = new AgencyView("York County Sheriff's Office", "york", "SC", "COUNTY", null);

	@Test
	void withoutCampaignsThereIsNoCall() {
		CampaignCalls calls = new CampaignCalls(
				new DefaultListableBeanFactory().getBeanProvider(AgencyCampaigns.class));
		assertThat(calls.ofAgencies(List.of(GASTON, YORK))).isEmpty();
	}

	@Test
	void withCampaignsEachAgencyGetsItsCallInOneRead() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		int[] reads = { 0 };
		AgencyCampaigns campaigns = (slugs) -> {
			reads[0]++;
			return Map.of("gaston",
					new CampaignCall("gaston", "nc-gaston", 143, 200, CampaignCall.Stage.GATHERING, true));
		};
		beans.registerSingleton("campaigns", campaigns);
		CampaignCalls calls = new CampaignCalls(beans.getBeanProvider(AgencyCampaigns.class));
		Map<String, CampaignCall> found = calls.ofAgencies(List.of(GASTON, YORK, GASTON));
		assertThat(found).containsOnlyKeys("gaston");
		assertThat(reads[0]).isOne();
		assertThat(CampaignCalls.gathering(List.of(GASTON, YORK), found, 5)).singleElement()
			.satisfies((called) -> assertThat(called.place()).isEqualTo("Gaston County, NC"));
	}

}
