package org.end287g.help.internal;

import java.util.Locale;
import java.util.Optional;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.CountyRef;
import org.end287g.tracker.TrackerPageContributor;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * Help where people arrive: on an agency's page ("Someone held by this jail?"), on the
 * near-me page and on every campaign page, the entries nearest the county, each block
 * linking the county's help. One query of the (small) directory per page.
 */
@org.springframework.stereotype.Component
class HelpPageContributor implements TrackerPageContributor, CampaignPageContributor {

	static final String ATTRIBUTE = "helpNearby";

	private final HelpDirectory directory;

	private final Places places;

	private final TrackerReader tracker;

	HelpPageContributor(HelpDirectory directory, Places places, TrackerReader tracker) {
		this.directory = directory;
		this.places = places;
		this.tracker = tracker;
	}

	@Override
	public void agency(AgencyProfile profile, Model model, Locale locale) {
		county(profile.agency().county())
			.ifPresent((county) -> model.addAttribute(ATTRIBUTE, nearby(HelpPlace.of(county))));
	}

	@Override
	public void near(County county, @Nullable String zip, Model model, Locale locale) {
		HelpPlace place = HelpPlace.ofZip(zip, this.places)
			.filter((found) -> found.county().fips().equals(county.fips()))
			.orElseGet(() -> HelpPlace.of(county));
		model.addAttribute(ATTRIBUTE, nearby(place));
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		this.tracker.agency(campaign.agencySlug())
			.flatMap((profile) -> county(profile.agency().county()))
			.ifPresent((county) -> model.addAttribute(ATTRIBUTE, nearby(HelpPlace.of(county))));
	}

	private Optional<County> county(@Nullable CountyRef county) {
		return (county != null) ? this.places.county(county.fips()) : Optional.empty();
	}

	private HelpNearby nearby(HelpPlace place) {
		return new HelpNearby(place.county().fips(), place.label(),
				this.directory.near(place.latitude(), place.longitude(), place.county().fips(), HelpNearby.SHOWN));
	}

}
