package org.end287g.impact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The impact figures: read per agency or national, added and deleted by staff. */
@Component
class Figures {

	private static final String COLUMNS = "id, agency_slug, model, measure, amount, qualifier, fiscal_year, period_from, "
			+ "period_to, source_title, source_publisher, source_url, source_date, note";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Figures(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** An agency's figures (or the national ones for null), the latest period first. */
	List<Figure> of(@Nullable String agencySlug) {
		String where = (agencySlug != null) ? "agency_slug = :slug" : "agency_slug is null";
		return this.jdbc.sql("select " + COLUMNS + " from impact_figures where " + where
				+ " order by coalesce(fiscal_year, extract(year from period_to), extract(year from period_from)) desc, measure, id")
			.paramSource((agencySlug != null) ? java.util.Map.of("slug", agencySlug) : java.util.Map.of())
			.query(Figures::figure)
			.list();
	}

	/**
	 * The figures of these agencies (no national ones), in the order {@link #of} gives.
	 */
	List<Figure> ofAgencies(java.util.Collection<String> agencySlugs) {
		if (agencySlugs.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from impact_figures where agency_slug in (:slugs)"
				+ " order by coalesce(fiscal_year, extract(year from period_to), extract(year from period_from)) desc, measure, id")
			.param("slugs", List.copyOf(agencySlugs))
			.query(Figures::figure)
			.list();
	}

	List<Figure> all() {
		return this.jdbc.sql("select " + COLUMNS + " from impact_figures order by agency_slug nulls first, id")
			.query(Figures::figure)
			.list();
	}

	/** Whether the same figure (agency, measure, period and source) is stored already. */
	boolean exists(Figure figure) {
		return all().stream().anyMatch((stored) -> sameFigure(stored, figure));
	}

	static boolean sameFigure(Figure a, Figure b) {
		return Objects.equals(a.agencySlug(), b.agencySlug()) && Objects.equals(a.model(), b.model())
				&& a.measure().equals(b.measure()) && Objects.equals(a.fiscalYear(), b.fiscalYear())
				&& Objects.equals(a.from(), b.from()) && Objects.equals(a.to(), b.to())
				&& a.source().title().equalsIgnoreCase(b.source().title());
	}

	/** Adds figures all together or none (the caller checked each). */
	@Transactional
	void add(List<Figure> figures, String actor) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		for (Figure f : figures) {
			this.jdbc.sql("""
					insert into impact_figures (agency_slug, model, measure, amount, qualifier, fiscal_year,
					period_from, period_to, source_title, source_publisher, source_url, source_date, note, created_at,
					created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(java.util.Arrays.asList(f.agencySlug(), f.model(), f.measure(), f.value(), f.qualifier(),
						f.fiscalYear(), f.from(), f.to(), f.source().title(), f.source().publisher(), f.source().url(),
						f.source().date(), f.note(), now, actor))
				.update();
		}
		this.audit.record(actor, "impact.figures.add", "impact", Integer.toString(figures.size()));
	}

	@Transactional
	boolean delete(long id, String actor) {
		boolean deleted = this.jdbc.sql("delete from impact_figures where id = ?").param(id).update() == 1;
		if (deleted) {
			this.audit.record(actor, "impact.figures.delete", "impact-figure:" + id, null);
		}
		return deleted;
	}

	private static Figure figure(ResultSet rs, int n) throws SQLException {
		Object year = rs.getObject("fiscal_year");
		return new Figure(rs.getLong("id"), rs.getString("agency_slug"), rs.getString("model"), rs.getString("measure"),
				rs.getLong("amount"), rs.getString("qualifier"),
				(year != null) ? Integer.valueOf(((Number) year).intValue()) : null,
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				new Figure.Source(rs.getString("source_title"), rs.getString("source_publisher"),
						rs.getString("source_url"), rs.getObject("source_date", LocalDate.class)),
				rs.getString("note"));
	}

}
