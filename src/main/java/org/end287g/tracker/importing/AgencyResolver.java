package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives every row of a new sheet its agreement: agency identity is (state, normalised
 * name) through agency_name; a new name that replaces a vanished one in a neighbouring
 * sheet of the same list (same state, county, kind, models and signing dates, similar
 * name) is a rename, not a new agency.
 */
@Component
class AgencyResolver {

	private final JdbcClient jdbc;

	private final AgencyWriter writer;

	private final SheetMembers members;

	private final ImportState state;

	AgencyResolver(JdbcClient jdbc, AgencyWriter writer, SheetMembers members, ImportState state) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.members = members;
		this.state = state;
	}

	/** Each row's agreement and its agency, null for a row that resolved to none. */
	record Resolution(Long[] agreementIds, Long[] agencyIds, int renamed) {
	}

	Resolution resolve(long sheetId, SheetFileName sheet, List<CleanRow> rows) {
		Map<String, Long> known = this.state.names();
		Map<String, AgencyGroup> groups = groups(rows, known);
		List<AgencyGroup> unknown = groups.values().stream().filter((g) -> g.agencyId() == 0).toList();
		int renamed = 0;
		if (!unknown.isEmpty()) {
			Set<Long> listedHere = new HashSet<>(known.values());
			listedHere.retainAll(groups.values().stream().map(AgencyGroup::agencyId).collect(Collectors.toSet()));
			renamed = matchRenames(sheetId, sheet, unknown, listedHere, groups);
		}
		for (AgencyGroup group : List.copyOf(groups.values())) {
			if (group.agencyId() == 0) {
				groups.put(key(group), this.writer.createAgency(group));
			}
		}
		Long[] agreementIds = this.writer.agreements(sheet, groups, rows);
		Long[] agencyIds = new Long[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			AgencyGroup group = (agreementIds[i] != null) ? groups.get(rows.get(i).agencyKey()) : null;
			if (group != null) {
				agencyIds[i] = group.agencyId();
			}
		}
		return new Resolution(agreementIds, agencyIds, renamed);
	}

	private Map<String, AgencyGroup> groups(List<CleanRow> rows, Map<String, Long> known) {
		Map<String, AgencyGroup> groups = new LinkedHashMap<>();
		for (CleanRow row : rows) {
			if (!row.resolvable()) {
				continue;
			}
			String state = Objects.requireNonNull(row.state(), "a resolvable row has a state");
			AgencyGroup group = groups.computeIfAbsent(row.agencyKey(),
					(k) -> new AgencyGroup(known.getOrDefault(k, 0L), state, row.nameKey(), row.name(),
							row.countyFips(), row.kind()));
			group.models().add(row.model());
			if (row.signed() != null) {
				group.signed().add(row.signed());
			}
		}
		return groups;
	}

	private int matchRenames(long sheetId, SheetFileName sheet, List<AgencyGroup> unknown, Set<Long> listedHere,
			Map<String, AgencyGroup> groups) {
		int renamed = 0;
		for (Neighbour neighbour : neighbours(sheetId, sheet)) {
			List<AgencyGroup> vanished = neighbour.groups()
				.stream()
				.filter((g) -> !listedHere.contains(g.agencyId()))
				.toList();
			for (AgencyGroup group : unknown) {
				if (Objects.requireNonNull(groups.get(key(group)), "unknown groups stay in the map").agencyId() != 0) {
					continue;
				}
				Optional<AgencyGroup> match = onlyMatch(group, vanished, sheet.participating());
				if (match.isPresent()) {
					AgencyGroup old = match.get();
					listedHere.add(old.agencyId());
					this.writer.rename(old, group);
					groups.put(key(group), withId(group, old.agencyId()));
					renamed++;
				}
			}
		}
		return renamed;
	}

	private static Optional<AgencyGroup> onlyMatch(AgencyGroup group, List<AgencyGroup> vanished, boolean signed) {
		List<AgencyGroup> matches = vanished.stream().filter((old) -> group.sameAgencyAs(old, signed)).toList();
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	record Neighbour(long sheetId, LocalDateTime publishedAt, List<AgencyGroup> groups) {
	}

	/**
	 * The accepted sheets of the same list published just before and just after this one.
	 */
	private List<Neighbour> neighbours(long sheetId, SheetFileName sheet) {
		List<Neighbour> neighbours = new ArrayList<>();
		neighbour(sheetId, sheet, "published_at < ? order by published_at desc").ifPresent(neighbours::add);
		neighbour(sheetId, sheet, "published_at > ? order by published_at").ifPresent(neighbours::add);
		return neighbours;
	}

	private Optional<Neighbour> neighbour(long sheetId, SheetFileName sheet, String where) {
		record Found(long id, LocalDateTime publishedAt) {
		}
		return this.jdbc
			.sql("select id, published_at from ice_sheet where accepted and list = ? and id <> ? and " + where
					+ ", id desc fetch first 1 rows only")
			.params(sheet.list(), sheetId, sheet.publishedAt())
			.query((rs, n) -> new Found(rs.getLong(1), rs.getObject(2, LocalDateTime.class)))
			.optional()
			.map((found) -> new Neighbour(found.id(), found.publishedAt(), listedGroups(found.id())));
	}

	private List<AgencyGroup> listedGroups(long sheetId) {
		Map<Long, AgencyGroup> groups = new LinkedHashMap<>();
		for (SheetMembers.Member row : this.members.of(sheetId).rows()) {
			ImportState.Agency agency = this.state.agency(row.agency());
			ImportState.Agreement agreement = this.state.agreement(row.agreement());
			if (agency == null || agreement == null) {
				continue;
			}
			AgencyGroup group = groups.get(row.agency());
			if (group == null) {
				String name = String.valueOf(agency.details[0]);
				group = new AgencyGroup(row.agency(), agency.state, Names.key(name), name, (String) agency.details[2],
						String.valueOf(agency.details[1]));
				groups.put(row.agency(), group);
			}
			group.models().add(agreement.model);
			SignedDates.parse(row.signed()).ifPresent(group.signed()::add);
		}
		return List.copyOf(groups.values());
	}

	private static AgencyGroup withId(AgencyGroup group, long id) {
		return new AgencyGroup(id, group.state(), group.nameKey(), group.name(), group.countyFips(), group.kind(),
				group.models(), group.signed());
	}

	static String key(AgencyGroup group) {
		return group.state() + "|" + group.nameKey();
	}

}
