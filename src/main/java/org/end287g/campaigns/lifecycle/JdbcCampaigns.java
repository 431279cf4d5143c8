package org.end287g.campaigns.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.end287g.TableStatistics;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.Campaigns;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.TrackerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns in the {@code campaigns} table. Creation relies on the unique slug and agency
 * indexes with {@code insert ... on conflict do nothing}, so any number of instances may
 * create at once and each agency still gets exactly one campaign.
 */
@Component
class JdbcCampaigns implements Campaigns {

	private static final Logger log = LoggerFactory.getLogger(JdbcCampaigns.class);

	private static final String INSERTED = "slug, agency_slug, state, title, goal, status, created_at";

	private static final String COLUMNS = "id, " + INSERTED + ", head_title, head_name, contact_phone, "
			+ "contact_email, contact_address, contact_url, petition_language, petition_text, deadline, "
			+ "goal_reached_at, possible_win_at, closed_at, outcome_note";

	private static final RowMapper<Campaign> ROW = (rs, n) -> new Campaign(rs.getLong("id"), rs.getString("slug"),
			rs.getString("agency_slug"), rs.getString("state"), rs.getString("title"), rs.getInt("goal"),
			CampaignStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
			new Campaign.Head(rs.getString("head_title"), rs.getString("head_name"), rs.getString("contact_phone"),
					rs.getString("contact_email"), rs.getString("contact_address"), rs.getString("contact_url")),
			rs.getString("petition_language"), rs.getString("petition_text"), rs.getObject("deadline", LocalDate.class),
			rs.getObject("goal_reached_at", OffsetDateTime.class),
			rs.getObject("possible_win_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
			rs.getString("outcome_note"));

	private final JdbcClient jdbc;

	private final TrackerReader tracker;

	private final TableStatistics statistics;

	JdbcCampaigns(JdbcClient jdbc, TrackerReader tracker, TableStatistics statistics) {
		this.jdbc = jdbc;
		this.tracker = tracker;
		this.statistics = statistics;
	}

	@Override
	public Optional<Campaign> find(String slug) {
		if (!CampaignSlugs.plausible(slug)) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS + " from campaigns where slug = ?").param(slug).query(ROW).optional();
	}

	@Override
	public Optional<Campaign> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from campaigns where id = ?").param(id).query(ROW).optional();
	}

	@Override
	public Optional<Campaign> forAgency(String agencySlug) {
		return this.jdbc.sql("select " + COLUMNS + " from campaigns where agency_slug = ?")
			.param(agencySlug)
			.query(ROW)
			.optional();
	}

	@Override
	public long count() {
		return this.jdbc.sql("select count(*) from campaigns").query(Long.class).single();
	}

	@Override
	public List<Campaign> page(int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from campaigns order by id offset ? rows fetch next ? rows only")
			.params(offset, limit)
			.query(ROW)
			.list();
	}

	@Override
	public List<Campaign> inState(String state) {
		return this.jdbc.sql("select " + COLUMNS + " from campaigns where state = ? order by title, slug")
			.param(state)
			.query(ROW)
			.list();
	}

	@Override
	public List<Campaign> partneredBy(long organizationId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from campaigns where id in (select campaign_id from campaign_partner_organizations "
					+ "where organization_id = ?) order by title, slug")
			.param(organizationId)
			.query(ROW)
			.list();
	}

	@Override
	public List<Long> partnerIds(long campaignId) {
		return this.jdbc.sql("select organization_id from campaign_partner_organizations where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	@Override
	public int createMissing() {
		return create(this.tracker.listedAgencies(),
				new HashSet<>(this.jdbc.sql("select agency_slug from campaigns").query(String.class).list()));
	}

	@Override
	public int createMissing(Collection<String> agencySlugs) {
		List<AgencyView> listed = this.tracker.listedAgencies(agencySlugs);
		if (listed.isEmpty()) {
			return 0;
		}
		return create(listed,
				new HashSet<>(this.jdbc.sql("select agency_slug from campaigns where agency_slug in (:slugs)")
					.param("slugs", listed.stream().map(AgencyView::slug).toList())
					.query(String.class)
					.list()));
	}

	/** Creates the campaign of each listed agency not in {@code existing}. */
	private int create(List<AgencyView> listed, Set<String> existing) {
		Map<String, AgencyView> targets = new LinkedHashMap<>();
		for (AgencyView agency : listed) {
			targets.putIfAbsent(agency.slug(), agency);
		}
		int created = 0;
		for (AgencyView agency : targets.values()) {
			if (!existing.contains(agency.slug()) && create(agency)) {
				created++;
			}
		}
		if (created > 0) {
			log.info("Created {} campaign(s)", created);
		}
		if (created >= TableStatistics.BULK) {
			this.statistics.refresh("campaigns");
		}
		return created;
	}

	/**
	 * Inserts the agency's campaign under its base slug, or base-2, base-3 ... when
	 * another agency holds it. False when another instance created it first.
	 */
	private boolean create(AgencyView agency) {
		String base = CampaignSlugs.of(agency.state(), agency.name());
		String title = (agency.name().length() > 300) ? agency.name().substring(0, 300) : agency.name();
		for (int n = 1;; n++) {
			String slug = (n == 1) ? base : base + "-" + n;
			int inserted = this.jdbc
				.sql("insert into campaigns (" + INSERTED + ") values (?, ?, ?, ?, 200, ?, ?) on conflict do nothing")
				.params(slug, agency.slug(), agency.state(), title, CampaignStatus.OPEN.name(),
						OffsetDateTime.now(ZoneOffset.UTC))
				.update();
			if (inserted == 1) {
				return true;
			}
			if (forAgency(agency.slug()).isPresent()) {
				return false;
			}
		}
	}

}
