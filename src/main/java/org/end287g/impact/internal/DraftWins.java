package org.end287g.impact.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.end287g.tracker.AgencyView;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.SheetChange;
import org.end287g.tracker.TrackerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After every accepted ICE sheet: each agency whose agreements the sheet removed (and
 * that still has none listed) gets a draft win, how UNKNOWN, dated by the sheet, for
 * staff to check and complete; the campaigns module marks its campaign as a possible win
 * from the same sheet. One draft per agency and sheet, so a run repeated after a failure
 * opens none twice.
 */
@Component
class DraftWins {

	private static final Logger log = LoggerFactory.getLogger(DraftWins.class);

	private final TrackerReader tracker;

	private final Wins wins;

	DraftWins(TrackerReader tracker, Wins wins) {
		this.tracker = tracker;
		this.wins = wins;
	}

	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "impact.draft-wins-after-import")
	void sheetImported(IceSheetImported imported) {
		int opened = open(imported);
		if (opened > 0) {
			log.info("{} draft win(s) opened after sheet {}", opened, imported.sheetId());
		}
	}

	int open(IceSheetImported imported) {
		Map<String, List<String>> removed = new LinkedHashMap<>();
		Map<String, AgencyView> agencies = new LinkedHashMap<>();
		for (SheetChange change : this.tracker.changesOf(imported.sheetId())) {
			if ("REMOVED".equals(change.kind())) {
				removed.computeIfAbsent(change.agency().slug(), (slug) -> new ArrayList<>()).add(change.model());
				agencies.put(change.agency().slug(), change.agency());
			}
		}
		if (removed.isEmpty()) {
			return 0;
		}
		Set<String> listed = this.tracker.listedAgencies(removed.keySet())
			.stream()
			.map(AgencyView::slug)
			.collect(Collectors.toSet());
		int opened = 0;
		for (Map.Entry<String, List<String>> entry : removed.entrySet()) {
			String slug = entry.getKey();
			if (listed.contains(slug) || this.wins.draftExists(slug, imported.sheetId())) {
				continue;
			}
			AgencyView agency = agencies.get(slug);
			if (agency == null) {
				continue;
			}
			List<String> models = entry.getValue().stream().filter(Win.MODELS::contains).distinct().sorted().toList();
			this.wins.add(
					new Win(0, "", "DRAFT", agency.name(), agency.state(), slug, models,
							imported.publishedAt().toLocalDate(), "DAY", "UNKNOWN", null, null, null, null, List.of()),
					imported.sheetId(), "system");
			opened++;
		}
		return opened;
	}

}
