package org.end287g.campaigns.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.places.ZipCode;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign lists beside the one by state: near a ZIP code, needing a leader, close to
 * their goal, and won. Each is capped to a page of {@link #PAGE} with a next page.
 */
@Component
class CampaignLists {

	static final int PAGE = 50;

	/** A campaign is close to its goal from this share of it on. */
	static final double CLOSE = 0.75;

	static final Set<String> FILTERS = Set.of("needs-leader", "close", "won");

	private final JdbcClient jdbc;

	private final TrackerReader tracker;

	private final Places places;

	private final SignatureCounts counts;

	CampaignLists(JdbcClient jdbc, TrackerReader tracker, Places places, SignatureCounts counts) {
		this.jdbc = jdbc;
		this.tracker = tracker;
		this.places = places;
		this.counts = counts;
	}

	/** One page of a list, and whether there is another. */
	record Page(List<CampaignViews.CampaignView> campaigns, List<Double> distancesKm, int page, boolean more) {
	}

	/** The ZIP code's point, or a 400. */
	ZipCode zip(String value) {
		if (value == null || !value.strip().matches("[0-9]{5}")) {
			throw Problem.badRequest("campaigns.error.zip");
		}
		return this.places.zip(value.strip()).orElseThrow(() -> Problem.badRequest("campaigns.error.zip"));
	}

	String filter(String value) {
		if (value == null || !FILTERS.contains(value)) {
			throw Problem.badRequest("campaigns.error.filter");
		}
		return value;
	}

	static int page(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		if (value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
			throw Problem.badRequest("error.param.malformed");
		}
		int page = Integer.parseInt(value);
		if (page < 1) {
			throw Problem.badRequest("error.param.malformed");
		}
		return page;
	}

	/**
	 * Gathering campaigns by distance from the ZIP code's point to their county's centre.
	 */
	Page near(ZipCode zip, int page) {
		Map<String, AgencyView> agencies = agencies();
		Map<Long, Long> counted = this.counts.all();
		List<Object[]> sorted = new ArrayList<>();
		for (Row row : rows("status in ('OPEN', 'READY', 'POSSIBLE_WIN')")) {
			AgencyView agency = agencies.get(row.agencySlug());
			County county = (agency != null && agency.county() != null)
					? this.places.county(agency.county().fips()).orElse(null) : null;
			if (county == null) {
				continue;
			}
			double km = Places.distanceKm(zip.latitude(), zip.longitude(), county.latitude(), county.longitude());
			sorted.add(new Object[] { row, km, agency });
		}
		sorted.sort(Comparator.comparingDouble((Object[] o) -> (double) o[1])
			.thenComparing((Object[] o) -> ((Row) o[0]).title()));
		int from = Math.min((page - 1) * PAGE, sorted.size());
		int to = Math.min(from + PAGE, sorted.size());
		List<CampaignViews.CampaignView> views = new ArrayList<>();
		List<Double> distances = new ArrayList<>();
		for (Object[] o : sorted.subList(from, to)) {
			Row row = (Row) o[0];
			views.add(view(row, (AgencyView) o[2], counted.getOrDefault(row.id(), 0L)));
			distances.add(Math.round((double) o[1] * 10) / 10.0);
		}
		return new Page(views, distances, page, to < sorted.size());
	}

	Page filtered(String filter, int page) {
		Map<Long, Long> counted = this.counts.all();
		List<Row> rows = switch (filter) {
			case "needs-leader" -> rows("status = 'OPEN' and not exists (select 1 from role_grants g where "
					+ "g.role = 'LEADER' and g.campaign_id = c.id and g.revoked_at is null)");
			case "close" -> rows("status = 'OPEN'").stream()
				.filter((row) -> counted.getOrDefault(row.id(), 0L) >= Math.ceil(row.goal() * CLOSE))
				.sorted(Comparator
					.comparingDouble((Row row) -> -(double) counted.getOrDefault(row.id(), 0L) / row.goal()))
				.toList();
			default -> rows("status = 'WON'");
		};
		int from = Math.min((page - 1) * PAGE, rows.size());
		int to = Math.min(from + PAGE, rows.size());
		Map<String, AgencyView> agencies = agencies();
		List<CampaignViews.CampaignView> views = rows.subList(from, to)
			.stream()
			.map((row) -> view(row, agencies.get(row.agencySlug()), counted.getOrDefault(row.id(), 0L)))
			.toList();
		return new Page(views, List.of(), page, to < rows.size());
	}

	private List<Row> rows(String where) {
		return this.jdbc
			.sql("select c.id, c.slug, c.agency_slug, c.state, c.title, c.goal, c.status from campaigns c where "
					+ where + " order by c.state, c.title, c.id")
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("agency_slug"),
					rs.getString("state"), rs.getString("title"), rs.getInt("goal"), rs.getString("status")))
			.list();
	}

	private Map<String, AgencyView> agencies() {
		Map<String, AgencyView> agencies = new HashMap<>();
		for (AgreementView agreement : this.tracker.agreements(AgreementFilter.all())) {
			agencies.putIfAbsent(agreement.agency().slug(), agreement.agency());
		}
		return agencies;
	}

	private CampaignViews.CampaignView view(Row row, @Nullable AgencyView agency, long signatures) {
		String name = (agency != null) ? agency.name() : row.title();
		String county = (agency != null && agency.county() != null) ? agency.county().name() : null;
		String stateName = this.places.state(row.state()).map(State::name).orElse(row.state());
		return new CampaignViews.CampaignView(row.slug(), name, new CampaignViews.Target(name, county, row.state(),
				stateName, (agency != null) ? agency.slug() : row.agencySlug()), row.goal(), signatures, row.status());
	}

	private record Row(long id, String slug, String agencySlug, String state, String title, int goal, String status) {
	}

}
