package org.end287g.campaigns.lifecycle;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.TrackerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After every accepted ICE sheet: a gathering campaign (OPEN or READY) whose agency no
 * longer has an ACTIVE or PENDING agreement may have won. A sheet applied on top of the
 * history is compared for the agencies it changed; any other, every campaign. It turns
 * POSSIBLE_WIN and staff and its leaders are told; staff confirm or close it. When the
 * agreements come back (a broken publication fixed by the next one), it returns to READY
 * (goal reached) or OPEN, silently. All in one transaction after the import's commit, run
 * again if it fails; each change is one conditional UPDATE, so a run repeated or
 * overlapping another changes and tells once.
 */
@Component
class PossibleWins {

	private static final Logger log = LoggerFactory.getLogger(PossibleWins.class);

	private final JdbcClient jdbc;

	private final CampaignLifecycle lifecycle;

	private final TrackerReader tracker;

	private final AccountDirectory directory;

	private final Outbox outbox;

	private final AuditLog audit;

	private final SiteAddress site;

	PossibleWins(JdbcClient jdbc, CampaignLifecycle lifecycle, TrackerReader tracker, AccountDirectory directory,
			Outbox outbox, AuditLog audit, SiteAddress site) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.tracker = tracker;
		this.directory = directory;
		this.outbox = outbox;
		this.audit = audit;
		this.site = site;
	}

	@Order(10)
	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "campaigns.possible-wins-after-import")
	void sheetImported(IceSheetImported imported) {
		ChangedAgencies.of(imported, this.tracker).ifPresentOrElse(this::check, this::check);
	}

	/** Compares every campaign with the agreements now listed; how many changed. */
	int check() {
		Set<String> listed = slugs(this.tracker.listedAgencies());
		if (listed.isEmpty()) {
			// an empty tracker is not a national victory: nothing imported yet, or
			// cleared
			return 0;
		}
		return compare(listed, gathering("", List.of()));
	}

	/**
	 * Compares the campaigns of the given agencies (those a sheet applied on top of the
	 * history changed) with their agreements now listed; how many changed.
	 */
	int check(Collection<String> agencySlugs) {
		if (agencySlugs.isEmpty()) {
			return 0;
		}
		return compare(slugs(this.tracker.listedAgencies(agencySlugs)),
				gathering(" and agency_slug in (:agencies)", agencySlugs));
	}

	private int compare(Set<String> listed, List<Gathering> campaigns) {
		int changed = 0;
		for (Gathering campaign : campaigns) {
			boolean stillListed = listed.contains(campaign.agencySlug());
			boolean possible = campaign.status() == CampaignStatus.POSSIBLE_WIN;
			if (stillListed != possible) {
				// listed and gathering, or unlisted and already a possible win
				continue;
			}
			if (possible ? withdrawn(campaign.id()) : possibleWin(campaign)) {
				changed++;
			}
		}
		if (changed > 0) {
			log.info("{} campaign(s) changed between OPEN/READY and POSSIBLE_WIN", changed);
		}
		return changed;
	}

	private static Set<String> slugs(List<AgencyView> agencies) {
		Set<String> slugs = new HashSet<>();
		for (AgencyView agency : agencies) {
			slugs.add(agency.slug());
		}
		return slugs;
	}

	/** A campaign still gathering signatures, as the check reads it. */
	private record Gathering(long id, String slug, String agencySlug, String title, CampaignStatus status) {
	}

	private List<Gathering> gathering(String condition, Collection<String> agencies) {
		JdbcClient.StatementSpec query = this.jdbc.sql("""
				select id, slug, agency_slug, title, status from campaigns
				where status in ('OPEN', 'READY', 'POSSIBLE_WIN')""" + condition);
		if (!agencies.isEmpty()) {
			query = query.param("agencies", List.copyOf(agencies));
		}
		return query
			.query((rs, n) -> new Gathering(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					CampaignStatus.valueOf(rs.getString(5))))
			.list();
	}

	private boolean withdrawn(long id) {
		if (!this.lifecycle.withdrawPossibleWin(id)) {
			return false;
		}
		this.audit.record("system", "campaign.possible-win.withdrawn", "campaign:" + id, null);
		return true;
	}

	private boolean possibleWin(Gathering campaign) {
		if (!this.lifecycle.possibleWin(campaign.id(), campaign.status())) {
			return false;
		}
		this.audit.record("system", "campaign.possible-win", "campaign:" + campaign.id(), null);
		Map<String, AccountDirectory.Recipient> recipients = new LinkedHashMap<>();
		for (AccountDirectory.Recipient admin : this.directory.admins()) {
			recipients.put(admin.accountId(), admin);
		}
		for (AccountDirectory.Recipient leader : this.directory.leadersOf(campaign.id())) {
			recipients.putIfAbsent(leader.accountId(), leader);
		}
		for (AccountDirectory.Recipient recipient : recipients.values()) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("agency", campaign.title());
			model.put("subjectArgs", List.of(campaign.title()));
			model.put("url", this.site.link("/campaigns/" + campaign.slug()));
			model.put("staffUrl", this.site.link("/admin/campaigns/" + campaign.slug()));
			this.outbox.enqueue(Mail.transactional(recipient.email(), recipient.language(), "possible-win", model));
		}
		return true;
	}

}
