package org.end287g.decide.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.end287g.StaffQueue;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.CountyRef;
import org.end287g.tracker.TrackerPageContributor;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Where elections show outside their own pages: a link to the county's elections on an
 * agency's page (when one is upcoming there), and the staff home's entry.
 */
@Component
@Order(76)
class ElectionPageParts implements TrackerPageContributor, StaffQueue {

	static final String ATTRIBUTE = "countyElections";

	private final ElectionStore store;

	ElectionPageParts(ElectionStore store) {
		this.store = store;
	}

	/** The link on an agency's page: the county's page and its next voting day. */
	record CountyElections(String path, String county, LocalDate next) {
	}

	@Override
	public void agency(AgencyProfile profile, Model model, Locale locale) {
		CountyRef county = profile.agency().county();
		if (county == null) {
			return;
		}
		LocalDate today = this.store.today();
		this.store.upcomingInCounty(county.fips())
			.stream()
			.map((e) -> e.nextVote(today))
			.filter(Objects::nonNull)
			.min(LocalDate::compareTo)
			.ifPresent((next) -> model.addAttribute(ATTRIBUTE,
					new CountyElections(
							"/elections/" + profile.agency().state().toLowerCase(Locale.ROOT) + "/" + county.fips(),
							(county.name() != null) ? county.name() : county.fips(), next)));
	}

	@Override
	public List<StaffPage> pages() {
		return List.of(new StaffPage("decide.elections.admin.title", "decide.elections.admin.description",
				"/admin/decide/elections"));
	}

}
