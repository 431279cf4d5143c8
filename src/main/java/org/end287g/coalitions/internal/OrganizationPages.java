package org.end287g.coalitions.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.end287g.accounts.OrganizationDirectory;
import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code organization_pages} table, joined in code to accounts' organizations. Every
 * change of a public fact is audited with the names of the fields it changed.
 */
@Component
class OrganizationPages {

	private static final String COLUMNS = """
			organization_id, city, mission_en, mission_es, website, logo_type, updated_at, verified_at,
			verified_how""";

	private final JdbcClient jdbc;

	private final OrganizationDirectory organizations;

	private final AuditLog audit;

	private final Clock clock;

	OrganizationPages(JdbcClient jdbc, OrganizationDirectory organizations, AuditLog audit,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What an organizer or staff typed, already checked. */
	record Facts(@Nullable String city, @Nullable String missionEn, @Nullable String missionEs,
			@Nullable String website) {
	}

	private record Row(long id, @Nullable String city, @Nullable String missionEn, @Nullable String missionEs,
			@Nullable String website, boolean logo, OffsetDateTime updatedAt, @Nullable OffsetDateTime verifiedAt,
			@Nullable String verifiedHow) {
	}

	/** Every organization, by name. */
	List<OrganizationPage> all() {
		Map<Long, Row> rows = this.jdbc.sql("SELECT " + COLUMNS + " FROM organization_pages")
			.query(OrganizationPages::row)
			.list()
			.stream()
			.collect(Collectors.toMap(Row::id, Function.identity()));
		List<OrganizationPage> pages = new ArrayList<>();
		for (OrganizationDirectory.Partner organization : this.organizations.all()) {
			pages.add(page(organization, rows.get(organization.id())));
		}
		return pages;
	}

	Optional<OrganizationPage> byId(long id) {
		return this.organizations.find(id).map((organization) -> page(organization, row(id)));
	}

	/** The organization whose address this is (its id, then any name). */
	Optional<OrganizationPage> bySlug(String slug) {
		long id = Slugs.organizationId(slug);
		return (id < 0) ? Optional.empty() : byId(id);
	}

	Optional<byte[]> logo(long id) {
		return this.jdbc.sql("SELECT logo FROM organization_pages WHERE organization_id = ? AND logo IS NOT NULL")
			.param(id)
			.query(byte[].class)
			.optional();
	}

	/**
	 * Saves the facts and the logo ({@code null}: keep it, unless {@code removeLogo}). A
	 * new website domain undoes a verification by the old domain.
	 */
	@Transactional
	void save(long id, Facts facts, byte @Nullable [] logo, boolean removeLogo, String actor) {
		Row before = row(id);
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		List<String> changed = new ArrayList<>();
		changes(changed, "city", (before != null) ? before.city() : null, facts.city());
		changes(changed, "mission_en", (before != null) ? before.missionEn() : null, facts.missionEn());
		changes(changed, "mission_es", (before != null) ? before.missionEs() : null, facts.missionEs());
		changes(changed, "website", (before != null) ? before.website() : null, facts.website());
		if (logo != null || (removeLogo && before != null && before.logo())) {
			changed.add("logo");
		}
		if (changed.isEmpty()) {
			return;
		}
		if (before == null) {
			this.jdbc.sql("""
					INSERT INTO organization_pages (organization_id, city, mission_en, mission_es, website, logo,
					logo_type, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.param(id)
				.param(facts.city())
				.param(facts.missionEn())
				.param(facts.missionEs())
				.param(facts.website())
				.param(logo)
				.param((logo != null) ? "image/png" : null)
				.param(now)
				.param(actor)
				.update();
		}
		else {
			this.jdbc.sql("""
					UPDATE organization_pages SET city = ?, mission_en = ?, mission_es = ?, website = ?,
					updated_at = ?, updated_by = ? WHERE organization_id = ?""")
				.param(facts.city())
				.param(facts.missionEn())
				.param(facts.missionEs())
				.param(facts.website())
				.param(now)
				.param(actor)
				.param(id)
				.update();
			if (logo != null || removeLogo) {
				this.jdbc.sql("UPDATE organization_pages SET logo = ?, logo_type = ? WHERE organization_id = ?")
					.param(logo)
					.param((logo != null) ? "image/png" : null)
					.param(id)
					.update();
			}
			boolean newDomain = !Objects.equals(OrganizationPage.domainOf(before.website()),
					OrganizationPage.domainOf(facts.website()));
			if (newDomain && "DOMAIN".equals(before.verifiedHow())) {
				unverify(id, actor, "domain changed");
			}
		}
		this.audit.record(actor, "organization.page", "organization:" + id, String.join(",", changed));
	}

	/** Marks the organization verified; {@code false} when it already was. */
	@Transactional
	boolean verify(long id, String how, String actor) {
		if (row(id) == null) {
			this.jdbc.sql("INSERT INTO organization_pages (organization_id, updated_at, updated_by) VALUES (?, ?, ?)")
				.param(id)
				.param(OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
				.param(actor)
				.update();
		}
		int updated = this.jdbc.sql("""
				UPDATE organization_pages SET verified_at = ?, verified_how = ?, verified_by = ?
				WHERE organization_id = ? AND verified_at IS NULL""")
			.param(OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param(how)
			.param(actor)
			.param(id)
			.update();
		if (updated > 0) {
			this.audit.record(actor, "organization.verify", "organization:" + id, how);
		}
		return updated > 0;
	}

	@Transactional
	void unverify(long id, String actor, String why) {
		int updated = this.jdbc.sql("""
				UPDATE organization_pages SET verified_at = NULL, verified_how = NULL, verified_by = NULL
				WHERE organization_id = ? AND verified_at IS NOT NULL""").param(id).update();
		if (updated > 0) {
			this.audit.record(actor, "organization.unverify", "organization:" + id, why);
		}
	}

	private static void changes(List<String> changed, String field, @Nullable String before, @Nullable String after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private @Nullable Row row(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM organization_pages WHERE organization_id = ?")
			.param(id)
			.query(OrganizationPages::row)
			.optional()
			.orElse(null);
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("organization_id"), rs.getString("city"), rs.getString("mission_en"),
				rs.getString("mission_es"), rs.getString("website"), rs.getString("logo_type") != null,
				rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("verified_at", OffsetDateTime.class),
				rs.getString("verified_how"));
	}

	private static OrganizationPage page(OrganizationDirectory.Partner organization, @Nullable Row row) {
		if (row == null) {
			return new OrganizationPage(organization.id(), organization.name(), null, null, null, null, false, null,
					null, null);
		}
		return new OrganizationPage(organization.id(), organization.name(), row.city(), row.missionEn(),
				row.missionEs(), row.website(), row.logo(), row.updatedAt(), row.verifiedAt(), row.verifiedHow());
	}

}
