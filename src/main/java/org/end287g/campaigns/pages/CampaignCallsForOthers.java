package org.end287g.campaigns.pages;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.pages.CampaignBoard.Entry;
import org.end287g.site.CampaignHighlights;
import org.end287g.tracker.AgencyCampaigns;
import org.end287g.tracker.CampaignCall;

import org.springframework.stereotype.Component;

/**
 * The campaigns as the modules below this one show them, from the {@link CampaignBoard}:
 * the call beside every agency of the tracker's pages, and the home page's highlights.
 */
@Component
class CampaignCallsForOthers implements AgencyCampaigns, CampaignHighlights {

	/** The latest closed first, those without a date last. */
	private static final Comparator<Entry> LATEST_WON = Comparator.comparingLong(Entry::closedEpochSecond)
		.reversed()
		.thenComparing(Entry::name);

	private final CampaignBoard board;

	CampaignCallsForOthers(CampaignBoard board) {
		this.board = board;
	}

	@Override
	public Map<String, CampaignCall> calls(Collection<String> agencySlugs) {
		Map<String, CampaignCall> calls = new HashMap<>();
		for (String slug : agencySlugs) {
			Entry entry = this.board.forAgency(slug);
			if (entry != null) {
				calls.put(slug, call(entry));
			}
		}
		return calls;
	}

	@Override
	public Highlights highlights(int limit) {
		return new Highlights(
				top((entry) -> entry.gathering() && entry.signatures() > 0, CampaignLists.CLOSEST_TO_GOAL, limit),
				top((entry) -> entry.status() == CampaignStatus.WON, LATEST_WON, limit));
	}

	private List<Highlight> top(Predicate<Entry> wanted, Comparator<Entry> order, int limit) {
		return this.board.entries()
			.stream()
			.filter(wanted)
			.sorted(order)
			.limit(limit)
			.map((entry) -> new Highlight(entry.slug(), entry.name(), entry.place(), entry.signatures(), entry.goal()))
			.toList();
	}

	private static CampaignCall call(Entry entry) {
		CampaignCall.Stage stage = switch (entry.status()) {
			case WON -> CampaignCall.Stage.WON;
			case LOST -> CampaignCall.Stage.CLOSED;
			default -> CampaignCall.Stage.GATHERING;
		};
		return new CampaignCall(entry.agencySlug(), entry.slug(), entry.signatures(), entry.goal(), stage,
				entry.needsLeader());
	}

}
