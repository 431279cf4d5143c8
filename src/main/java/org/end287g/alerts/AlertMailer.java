package org.end287g.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.end287g.SiteAddress;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.places.Places;
import org.end287g.privacy.SignedLinks;
import org.end287g.tracker.AgencyCampaigns;
import org.end287g.tracker.CampaignCall;
import org.end287g.tracker.CountyRef;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.SheetChange;
import org.end287g.tracker.TrackerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After each accepted ICE sheet (after its commit, in a transaction of its own, run again
 * if it fails), one mail to each confirmed follower of a county or state whose agreements
 * the sheet changed: what changed, and what they can do there (the campaign, the events,
 * the place's page). A sheet's alert reaches a follower once, whichever instance runs
 * this and however often it is run again.
 */
@Component
class AlertMailer {

	static final String CATEGORY = "county-alerts";

	private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);

	private final TrackerReader tracker;

	private final AlertSubscriptions subscriptions;

	private final Places places;

	private final Outbox outbox;

	private final SignedLinks links;

	private final SiteAddress site;

	private final MessageSource messages;

	private final ObjectProvider<AgencyCampaigns> campaigns;

	private final Clock clock = Clock.systemUTC();

	AlertMailer(TrackerReader tracker, AlertSubscriptions subscriptions, Places places, Outbox outbox,
			SignedLinks links, SiteAddress site, MessageSource messages, ObjectProvider<AgencyCampaigns> campaigns) {
		this.tracker = tracker;
		this.subscriptions = subscriptions;
		this.places = places;
		this.outbox = outbox;
		this.links = links;
		this.site = site;
		this.messages = messages;
		this.campaigns = campaigns;
	}

	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "alerts.mail-after-import")
	void sheetImported(IceSheetImported imported) {
		int sent = alert(imported.sheetId());
		if (sent > 0) {
			log.info("Sheet {}: {} alert(s) queued", imported.sheetId(), sent);
		}
	}

	/** Queues this sheet's alerts not queued yet; how many. */
	int alert(long sheetId) {
		List<SheetChange> changes = this.tracker.changesOf(sheetId);
		Set<String> followed = new LinkedHashSet<>();
		changes.forEach((change) -> followed.addAll(placesOf(change)));
		List<AlertSubscriptions.Follower> followers = this.subscriptions.followersOf(followed);
		if (followers.isEmpty()) {
			return 0;
		}
		Map<String, CampaignCall> calls = calls(changes);
		int sent = 0;
		for (AlertSubscriptions.Follower follower : followers) {
			List<SheetChange> there = changes.stream()
				.filter((change) -> placesOf(change).contains(follower.place()))
				.toList();
			AlertPlace place = AlertPlace.of(follower.place(), this.places).orElse(null);
			if (there.isEmpty() || place == null
					|| !this.subscriptions.firstDelivery(follower.id(), sheetId, this.clock.instant())) {
				continue;
			}
			this.outbox.enqueue(mail(follower, place, there, calls));
			sent++;
		}
		return sent;
	}

	/**
	 * The places whose followers hear of a change: its agency's state, and its county.
	 */
	private static List<String> placesOf(SheetChange change) {
		CountyRef county = change.agency().county();
		return (county != null) ? List.of(change.agency().state(), county.fips()) : List.of(change.agency().state());
	}

	private Map<String, CampaignCall> calls(List<SheetChange> changes) {
		AgencyCampaigns known = this.campaigns.getIfAvailable();
		return (known != null) ? known.calls(changes.stream().map((change) -> change.agency().slug()).toList())
				: Map.of();
	}

	private Mail mail(AlertSubscriptions.Follower follower, AlertPlace place, List<SheetChange> changes,
			Map<String, CampaignCall> calls) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (SheetChange change : changes) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("what",
					this.messages.getMessage("alerts.change." + change.kind(),
							new Object[] { change.agency().name(),
									this.messages.getMessage("model." + change.model() + ".name", null, change.model(),
											follower.language()) },
							change.agency().name() + ": " + change.kind(), follower.language()));
			line.put("agency", this.site.link("/agencies/" + change.agency().slug()));
			CampaignCall call = calls.get(change.agency().slug());
			line.put("campaign",
					(call != null && call.gathering()) ? this.site.link("/campaigns/" + call.campaignSlug()) : "");
			lines.add(line);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("place", place.label());
		model.put("changes", lines);
		model.put("placePage",
				this.site.link(place.county() ? "/near?county=" + place.code() : "/states/" + place.code()));
		model.put("campaigns", this.site.link("/campaigns?state=" + place.stateCode()));
		model.put("events", this.site.link("/events?state=" + place.stateCode()));
		model.put("stop", UriComponentsBuilder.fromUriString(this.site.link("/alerts/stop"))
			.queryParam("token",
					this.links.sign(AlertController.STOP, Long.toString(follower.id()), AlertController.STOP_VALIDITY))
			.build()
			.toUriString());
		model.put("subjectArgs", List.of(place.label()));
		return new Mail(follower.email(), follower.language(), "alert-changes", model, CATEGORY);
	}

}
