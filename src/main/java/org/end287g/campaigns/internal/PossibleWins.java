package org.end287g.campaigns.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.end287g.accounts.AccountDirectory;
import org.end287g.audit.AuditLog;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.TrackerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After every accepted ICE sheet: a gathering campaign (OPEN or READY) whose agency no
 * longer has an ACTIVE or PENDING agreement may have won. It turns POSSIBLE_WIN and staff
 * and its leaders are told; staff confirm or close it. When the agreements come back (a
 * broken publication fixed by the next one), it returns to READY (goal reached) or OPEN,
 * silently. All in one transaction after the import's commit, run again if it fails; each
 * change is one conditional UPDATE, so a run repeated or overlapping another changes and
 * tells once.
 */
@Component
class PossibleWins {

	private static final Logger log = LoggerFactory.getLogger(PossibleWins.class);

	private final JdbcClient jdbc;

	private final TrackerReader tracker;

	private final AccountDirectory directory;

	private final Outbox outbox;

	private final AuditLog audit;

	private final String baseUrl;

	PossibleWins(JdbcClient jdbc, TrackerReader tracker, AccountDirectory directory, Outbox outbox, AuditLog audit,
			@Value("${end287g.site.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.tracker = tracker;
		this.directory = directory;
		this.outbox = outbox;
		this.audit = audit;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Order(10)
	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "campaigns.possible-wins-after-import")
	void sheetImported(IceSheetImported imported) {
		check();
	}

	/** Compares every campaign with the agreements now listed; how many changed. */
	int check() {
		Set<String> listed = new HashSet<>();
		for (AgreementView agreement : this.tracker.agreements(AgreementFilter.all())) {
			if ("ACTIVE".equals(agreement.status()) || "PENDING".equals(agreement.status())) {
				listed.add(agreement.agency().slug());
			}
		}
		if (listed.isEmpty()) {
			// an empty tracker is not a national victory: nothing imported yet, or
			// cleared
			return 0;
		}
		int changed = 0;
		List<Object[]> campaigns = this.jdbc.sql(
				"select id, slug, agency_slug, title, status from campaigns where status in ('OPEN', 'READY', 'POSSIBLE_WIN')")
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.list();
		for (Object[] c : campaigns) {
			long id = (long) c[0];
			boolean stillListed = listed.contains((String) c[2]);
			String status = (String) c[4];
			if (!stillListed && !"POSSIBLE_WIN".equals(status)) {
				if (possibleWin(id, status, (String) c[1], (String) c[3])) {
					changed++;
				}
			}
			else if (stillListed && "POSSIBLE_WIN".equals(status)) {
				int back = this.jdbc
					.sql("""
							update campaigns set status = case when goal_reached_at is not null then 'READY' else 'OPEN' end,
							possible_win_at = null where id = ? and status = 'POSSIBLE_WIN'""")
					.param(id)
					.update();
				if (back == 1) {
					this.audit.record("system", "campaign.possible-win.withdrawn", "campaign:" + id, null);
				}
				changed += back;
			}
		}
		if (changed > 0) {
			log.info("{} campaign(s) changed between OPEN/READY and POSSIBLE_WIN", changed);
		}
		return changed;
	}

	private boolean possibleWin(long id, String from, String slug, String title) {
		int updated = this.jdbc
			.sql("update campaigns set status = 'POSSIBLE_WIN', possible_win_at = ? where id = ? and status = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), id, from)
			.update();
		if (updated == 0) {
			return false;
		}
		this.audit.record("system", "campaign.possible-win", "campaign:" + id, null);
		Map<String, AccountDirectory.Recipient> recipients = new LinkedHashMap<>();
		for (AccountDirectory.Recipient admin : this.directory.admins()) {
			recipients.put(admin.accountId(), admin);
		}
		for (AccountDirectory.Recipient leader : this.directory.leadersOf(id)) {
			recipients.putIfAbsent(leader.accountId(), leader);
		}
		for (AccountDirectory.Recipient recipient : recipients.values()) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("agency", title);
			model.put("subjectArgs", List.of(title));
			model.put("url", this.baseUrl + "/campaigns/" + slug);
			model.put("staffUrl", this.baseUrl + "/admin/campaigns/" + slug);
			this.outbox.enqueue(Mail.transactional(recipient.email(), recipient.language(), "possible-win", model));
		}
		return true;
	}

}
