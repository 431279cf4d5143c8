package org.end287g.impact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wins: published ones for everyone, drafts for staff. A win's slug is made once from
 * its agency and year and kept, so shared links stay valid when staff correct it.
 */
@Component
class Wins {

	private static final String COLUMNS = "id, slug, status, agency_name, state, agency_slug, models, ended_on, "
			+ "ended_precision, how, campaign, organizations, story_en, story_es";

	private static final String ORDER = " order by ended_on desc nulls last, agency_name, id";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Wins(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Published wins, the latest first. */
	List<Win> published() {
		return withSources(this.jdbc.sql("select " + COLUMNS + " from wins where status = 'PUBLISHED'" + ORDER)
			.query(Wins::win)
			.list());
	}

	long publishedCount() {
		return this.jdbc.sql("select count(*) from wins where status = 'PUBLISHED'").query(Long.class).single();
	}

	/** Every win, drafts first, for staff. */
	List<Win> all() {
		return withSources(this.jdbc
			.sql("select " + COLUMNS + " from wins order by case when status = 'DRAFT' then 0 else 1 end, "
					+ "ended_on desc nulls last, agency_name, id")
			.query(Wins::win)
			.list());
	}

	long drafts() {
		return this.jdbc.sql("select count(*) from wins where status = 'DRAFT'").query(Long.class).single();
	}

	Optional<Win> bySlug(String slug) {
		if (slug.length() > 220) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS + " from wins where slug = ?")
			.param(slug)
			.query(Wins::win)
			.optional()
			.map((win) -> withSources(List.of(win)).get(0));
	}

	Optional<Win> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from wins where id = ?")
			.param(id)
			.query(Wins::win)
			.optional()
			.map((win) -> withSources(List.of(win)).get(0));
	}

	/** The published wins of an agency the tracker knows by this slug, latest first. */
	List<Win> ofAgency(String agencySlug) {
		return withSources(
				this.jdbc.sql("select " + COLUMNS + " from wins where status = 'PUBLISHED' and agency_slug = ?" + ORDER)
					.param(agencySlug)
					.query(Wins::win)
					.list());
	}

	/**
	 * The win of a campaign: the published one opened from it, else the agency's latest
	 * published win.
	 */
	Optional<Win> ofCampaign(long campaignId, String agencySlug) {
		return this.jdbc
			.sql("select " + COLUMNS + " from wins where status = 'PUBLISHED' and (campaign_id = ? or agency_slug = ?) "
					+ "order by case when campaign_id = ? then 0 else 1 end, ended_on desc nulls last, id desc")
			.params(campaignId, agencySlug, campaignId)
			.query(Wins::win)
			.list()
			.stream()
			.findFirst();
	}

	/** Whether a win (of any status) was opened from or linked to this campaign. */
	boolean campaignLinked(long campaignId) {
		return this.jdbc.sql("select count(*) from wins where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Links a campaign to the agency's latest draft that links none yet (the draft an
	 * import opened when the agreements vanished), naming the campaign when the draft
	 * names none; false when there is no such draft.
	 */
	@Transactional
	boolean linkDraft(String agencySlug, long campaignId, String campaignTitle, String actor) {
		Optional<Long> draft = this.jdbc
			.sql("select id from wins where status = 'DRAFT' and agency_slug = ? and campaign_id is null "
					+ "order by created_at desc, id desc")
			.param(agencySlug)
			.query((rs, n) -> rs.getLong(1))
			.list()
			.stream()
			.findFirst();
		if (draft.isEmpty()) {
			return false;
		}
		this.jdbc
			.sql("update wins set campaign_id = ?, campaign = coalesce(campaign, ?), updated_at = ? where id = ? "
					+ "and campaign_id is null")
			.params(campaignId, campaignTitle, now(), draft.get())
			.update();
		this.audit.record(actor, "impact.win.campaign", "win:" + draft.get(), "campaign:" + campaignId);
		return true;
	}

	/** Adds a draft opened from a won campaign; returns its slug. */
	@Transactional
	String addFromCampaign(Win win, long campaignId, String actor) {
		String slug = add(win, null, actor);
		this.jdbc.sql("update wins set campaign_id = ? where slug = ?").params(campaignId, slug).update();
		return slug;
	}

	/** Adds a win; returns its slug. */
	@Transactional
	String add(Win win, @Nullable Long sheetId, String actor) {
		String slug = freeSlug(slugOf(win));
		OffsetDateTime now = now();
		this.jdbc.sql("""
				insert into wins (slug, status, agency_name, state, agency_slug, models, ended_on, ended_precision,
				how, campaign, organizations, story_en, story_es, sheet_id, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.util.Arrays.asList(slug, win.status(), win.agencyName(), win.state(), win.agencySlug(),
					String.join(",", win.models()), win.ended(), win.precision(), win.how(), win.campaign(),
					win.organizations(), win.storyEn(), win.storyEs(), sheetId, now, now))
			.update();
		long id = this.jdbc.sql("select id from wins where slug = ?").param(slug).query(Long.class).single();
		sources(id, win.sources());
		this.audit.record(actor, "impact.win.add", "win:" + id, win.status());
		return slug;
	}

	/** Replaces a win's values (its slug stays); false when it is gone. */
	@Transactional
	boolean update(long id, Win win, String actor) {
		int updated = this.jdbc.sql("""
				update wins set status = ?, agency_name = ?, state = ?, agency_slug = ?, models = ?, ended_on = ?,
				ended_precision = ?, how = ?, campaign = ?, organizations = ?, story_en = ?, story_es = ?,
				updated_at = ? where id = ?""")
			.params(java.util.Arrays.asList(win.status(), win.agencyName(), win.state(), win.agencySlug(),
					String.join(",", win.models()), win.ended(), win.precision(), win.how(), win.campaign(),
					win.organizations(), win.storyEn(), win.storyEs(), now(), id))
			.update();
		if (updated != 1) {
			return false;
		}
		this.jdbc.sql("delete from win_sources where win_id = ?").param(id).update();
		sources(id, win.sources());
		this.audit.record(actor, "impact.win.update", "win:" + id, win.status());
		return true;
	}

	@Transactional
	boolean delete(long id, String actor) {
		this.jdbc.sql("delete from win_sources where win_id = ?").param(id).update();
		boolean deleted = this.jdbc.sql("delete from wins where id = ?").param(id).update() == 1;
		if (deleted) {
			this.audit.record(actor, "impact.win.delete", "win:" + id, null);
		}
		return deleted;
	}

	/** Whether a draft was opened already for this agency and sheet. */
	boolean draftExists(String agencySlug, long sheetId) {
		return this.jdbc.sql("select count(*) from wins where agency_slug = ? and sheet_id = ?")
			.params(agencySlug, sheetId)
			.query(Long.class)
			.single() > 0;
	}

	private void sources(long id, List<Figure.Source> sources) {
		int position = 1;
		for (Figure.Source s : sources) {
			this.jdbc.sql("""
					insert into win_sources (win_id, position, title, publisher, url, published_on)
					values (?, ?, ?, ?, ?, ?)""")
				.params(java.util.Arrays.asList(id, position++, s.title(), s.publisher(), s.url(), s.date()))
				.update();
		}
	}

	private String freeSlug(String wanted) {
		String slug = wanted;
		for (int n = 2; this.jdbc.sql("select count(*) from wins where slug = ?")
			.param(slug)
			.query(Long.class)
			.single() > 0; n++) {
			slug = wanted + "-" + n;
		}
		return slug;
	}

	static String slugOf(Win win) {
		String base = (win.agencySlug() != null) ? win.agencySlug()
				: win.state().toLowerCase(Locale.ROOT) + "-"
						+ Normalizer.normalize(win.agencyName(), Normalizer.Form.NFD)
							.replaceAll("\\p{M}", "")
							.toLowerCase(Locale.ROOT)
							.replace("'", "")
							.replaceAll("[^a-z0-9]+", "-")
							.replaceAll("^-|-$", "");
		String slug = (base.length() > 190) ? base.substring(0, 190) : base;
		return (win.year() != null) ? slug + "-" + win.year() : slug;
	}

	private List<Win> withSources(List<Win> wins) {
		if (wins.isEmpty()) {
			return wins;
		}
		Map<Long, List<Figure.Source>> sources = this.jdbc
			.sql("select win_id, title, publisher, url, published_on from win_sources where win_id in (:ids) "
					+ "order by win_id, position")
			.param("ids", wins.stream().map(Win::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new Figure.Source(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getObject(5, LocalDate.class))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return wins.stream()
			.map((w) -> new Win(w.id(), w.slug(), w.status(), w.agencyName(), w.state(), w.agencySlug(), w.models(),
					w.ended(), w.precision(), w.how(), w.campaign(), w.organizations(), w.storyEn(), w.storyEs(),
					sources.getOrDefault(w.id(), List.of())))
			.toList();
	}

	private static Win win(ResultSet rs, int n) throws SQLException {
		String models = rs.getString("models");
		return new Win(rs.getLong("id"), rs.getString("slug"), rs.getString("status"), rs.getString("agency_name"),
				rs.getString("state"), rs.getString("agency_slug"),
				models.isEmpty() ? List.of() : Arrays.asList(models.split(",")),
				rs.getObject("ended_on", LocalDate.class), rs.getString("ended_precision"), rs.getString("how"),
				rs.getString("campaign"), rs.getString("organizations"), rs.getString("story_en"),
				rs.getString("story_es"), List.of());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
