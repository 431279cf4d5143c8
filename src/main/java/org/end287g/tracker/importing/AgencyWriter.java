package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Writes agencies, their names and their agreements as a sheet introduces them. */
@Component
class AgencyWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ImportState state;

	AgencyWriter(JdbcClient jdbc, JdbcTemplate template, ImportState state) {
		this.jdbc = jdbc;
		this.template = template;
		this.state = state;
	}

	AgencyGroup createAgency(AgencyGroup group) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into agency (slug, state, name, kind, county_fips) values (?, ?, ?, ?, ?)")
			.params(uniqueSlug(group), group.state(), SheetStore.truncate(group.name(), 300), group.kind())
			.param(group.countyFips())
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
		this.state.agencyAdded(id, group.state(), SheetStore.truncate(group.name(), 300), group.kind(),
				group.countyFips());
		addName(id, group);
		return new AgencyGroup(id, group.state(), group.nameKey(), group.name(), group.countyFips(), group.kind(),
				group.models(), group.signed());
	}

	private String uniqueSlug(AgencyGroup group) {
		String base = Names.slug(group.state(), group.name());
		String slug = base;
		for (int n = 2; this.jdbc.sql("select count(*) from agency where slug = ?")
			.param(slug)
			.query(Long.class)
			.single() > 0; n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private void addName(long agencyId, AgencyGroup group) {
		this.jdbc.sql("insert into agency_name (agency_id, state, name_key, name) values (?, ?, ?, ?)")
			.params(agencyId, group.state(), SheetStore.truncate(group.nameKey(), 300),
					SheetStore.truncate(group.name(), 300))
			.update();
		this.state.nameAdded(group.state(), group.nameKey(), agencyId);
	}

	/** Records a rename: the new name becomes an alias of the old agency. */
	void rename(AgencyGroup old, AgencyGroup renamed) {
		addName(old.agencyId(), renamed);
	}

	/**
	 * The agreement of every resolvable row, creating missing ones and refreshing
	 * details.
	 */
	Long[] agreements(SheetFileName sheet, Map<String, AgencyGroup> groups, List<CleanRow> rows) {
		Map<Long, LocalDateTime> lastListed = this.state.lastListedByAgency();
		Long[] ids = new Long[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			CleanRow row = rows.get(i);
			if (row.resolvable()) {
				long agency = group(groups, row).agencyId();
				String model = Objects.requireNonNull(row.model(), "a resolvable row has a model");
				Long known = this.state.agreement(agency, model);
				ids[i] = (known != null) ? known : createAgreement(agency, model, sheet.publishedAt());
			}
		}
		Map<Long, LocalDateTime> lastParticipating = new HashMap<>();
		// only a sheet older than the latest participating one needs to know (it reads
		// the
		// whole history); the latest is the newest for every agreement it lists
		if (publishedLater(sheet)) {
			this.jdbc
				.sql("select s.published_at, r.agreement_ids from sheet_rows r join ice_sheet s on s.id = r.sheet_id "
						+ "where s.list = 'PARTICIPATING'")
				.query((rs, n) -> {
					LocalDateTime published = rs.getObject(1, LocalDateTime.class);
					for (Long id : SheetRows.ids(rs.getString(2))) {
						if (id != null) {
							lastParticipating.merge(id, published, (a, b) -> a.isAfter(b) ? a : b);
						}
					}
					return n;
				})
				.list();
		}
		refreshDetails(sheet, groups, rows, ids, lastListed, lastParticipating);
		return ids;
	}

	/** Whether an accepted participating sheet was published after this one. */
	private boolean publishedLater(SheetFileName sheet) {
		return this.jdbc
			.sql("select count(*) from ice_sheet where list = 'PARTICIPATING' and accepted and published_at > ?")
			.param(sheet.publishedAt())
			.query(Long.class)
			.single() > 0;
	}

	private long createAgreement(long agencyId, String model, LocalDateTime listed) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into agreement (agency_id, model, status, first_listed, last_listed) "
					+ "values (?, ?, 'PENDING', ?, ?)")
			.params(agencyId, model, listed, listed)
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
		this.state.agreementAdded(id, agencyId, model, listed);
		return id;
	}

	/** The group of a resolvable row: the resolver made one for each. */
	private static AgencyGroup group(Map<String, AgencyGroup> groups, CleanRow row) {
		return Objects.requireNonNull(groups.get(row.agencyKey()), "a resolvable row has its agency group");
	}

	/**
	 * Names, counties and MOA links follow the newest sheet that lists the agency: an
	 * older sheet imported late does not overwrite them.
	 */
	private void refreshDetails(SheetFileName sheet, Map<String, AgencyGroup> groups, List<CleanRow> rows, Long[] ids,
			Map<Long, LocalDateTime> lastListed, Map<Long, LocalDateTime> lastParticipating) {
		List<Object[]> agencies = new ArrayList<>();
		List<Object[]> agreements = new ArrayList<>();
		Set<Long> refreshed = new HashSet<>();
		Set<Long> detailed = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			CleanRow row = rows.get(i);
			if (ids[i] == null) {
				continue;
			}
			long agency = group(groups, row).agencyId();
			LocalDateTime last = lastListed.get(agency);
			boolean newest = last == null || !sheet.publishedAt().isBefore(last);
			if (newest && refreshed.add(agency)) {
				Object[] values = agencyValues(row, agency);
				ImportState.Agency stored = this.state.agency(agency);
				if (!ImportState.same((stored != null) ? stored.details : null, values)) {
					agencies.add(values);
				}
			}
			LocalDateTime participated = lastParticipating.get(ids[i]);
			if (!detailed.add(ids[i])) {
				continue;
			}
			if (sheet.participating() && (participated == null || !sheet.publishedAt().isBefore(participated))) {
				Object[] values = { row.signed(), SheetStore.truncate(row.raw().signed(), 100), row.moaUrl(),
						row.addendumUrl(), ids[i] };
				ImportState.Agreement stored = this.state.agreement(ids[i]);
				if (!ImportState.same((stored != null) ? stored.details : null, values)) {
					agreements.add(values);
				}
			}
		}
		this.template.batchUpdate("update agency set name = ?, kind = ?, county_fips = ?, raw_state = ?, "
				+ "raw_name = ?, raw_kind = ?, raw_county = ?, issues = ? where id = ?", agencies);
		this.template.batchUpdate(
				"update agreement set signed = ?, raw_signed = ?, moa_url = ?, addendum_url = ? where id = ?",
				agreements);
		agencies.forEach((values) -> this.state.agencyDetailsWritten(id(values), Arrays.copyOf(values, 8)));
		agreements.forEach((values) -> this.state.agreementDetailsWritten(id(values), Arrays.copyOf(values, 4)));
	}

	/** The id an update's values end with. */
	private static long id(Object[] values) {
		return (Long) values[values.length - 1];
	}

	private static Object[] agencyValues(CleanRow row, long agency) {
		RawRow raw = row.raw();
		String issues = row.issues().isEmpty() ? null
				: row.issues()
					.stream()
					.filter((issue) -> !issue.equals("DUPLICATE_ROW"))
					.distinct()
					.reduce((a, b) -> a + " " + b)
					.orElse(null);
		return new Object[] { SheetStore.truncate(row.name(), 300), row.kind(), row.countyFips(),
				SheetStore.truncate(raw.state(), 300), SheetStore.truncate(raw.agency(), 300),
				SheetStore.truncate(raw.kind(), 300), SheetStore.truncate(raw.county(), 300), issues, agency };
	}

}
