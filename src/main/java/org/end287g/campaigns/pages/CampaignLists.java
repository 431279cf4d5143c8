package org.end287g.campaigns.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.pages.CampaignBoard.Entry;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The lists of campaigns: all that gather signatures (closest to their goal first), by
 * state, near a ZIP code, needing a leader, close to their goal, and won. Read from the
 * {@link CampaignBoard}; each is cut into pages of {@link #PAGE} with a next page.
 */
@Component
class CampaignLists {

	/** Campaigns on a page: a phone's list stays a few screens long. */
	static final int PAGE = 20;

	/** A campaign is close to its goal from this share of it on. */
	static final double CLOSE = 0.75;

	static final Set<String> FILTERS = Set.of("needs-leader", "close", "won");

	/** Five digits, optionally with the four of ZIP+4. */
	private static final Pattern ZIP = Pattern.compile("([0-9]{5})(-?[0-9]{4})?");

	private static final Comparator<Entry> BY_STATE_AND_NAME = Comparator.comparing(Entry::state)
		.thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER)
		.thenComparingLong(Entry::id);

	/** Closest to the goal first, then most signatures. */
	static final Comparator<Entry> CLOSEST_TO_GOAL = Comparator.comparingDouble((Entry e) -> -e.share())
		.thenComparingLong((e) -> -e.signatures())
		.thenComparing(BY_STATE_AND_NAME);

	private final CampaignBoard board;

	private final Places places;

	CampaignLists(CampaignBoard board, Places places) {
		this.board = board;
		this.places = places;
	}

	/** One page of a list, and whether there is another. */
	record Page(List<Item> items, int page, boolean more) {

		/** The campaigns of the page, as the JSON lists them. */
		List<CampaignViews.CampaignView> campaigns() {
			return this.items.stream().map(Item::campaign).toList();
		}

	}

	/**
	 * A campaign in a list, with its distance in whole miles near a ZIP code (null in
	 * other lists).
	 */
	record Item(CampaignViews.CampaignView campaign, String place, @Nullable Long miles) {
	}

	/** The ZIP code's point (ZIP+4 accepted), or a 400. */
	ZipCode zip(@Nullable String value) {
		Matcher matcher = (value != null) ? ZIP.matcher(value.strip()) : null;
		if (matcher == null || !matcher.matches()) {
			throw Problem.badRequest("campaigns.error.zip");
		}
		return this.places.zip(matcher.group(1)).orElseThrow(() -> Problem.badRequest("campaigns.error.zip"));
	}

	String filter(@Nullable String value) {
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

	/** Every campaign that gathers signatures, closest to its goal first. */
	Page gathering(int page) {
		return page(select(Entry::gathering, CLOSEST_TO_GOAL), page);
	}

	/** One page of the campaigns of one state (upper-case postal code), by name. */
	Page inState(String state, int page) {
		return page(inState(state), page);
	}

	/** Every campaign of one state, by name, as the JSON lists them. */
	List<CampaignViews.CampaignView> everyInState(String state) {
		return inState(state).stream().map(Entry::view).toList();
	}

	private List<Entry> inState(String state) {
		return select((entry) -> entry.state().equals(state),
				Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Entry::id));
	}

	/**
	 * Gathering campaigns by distance from the ZIP code's point to their county's centre.
	 */
	Page near(ZipCode zip, int page) {
		List<Distant> sorted = new ArrayList<>();
		for (Entry entry : this.board.entries()) {
			County county = entry.county();
			if (entry.gathering() && county != null) {
				sorted.add(new Distant(entry,
						Places.distanceKm(zip.latitude(), zip.longitude(), county.latitude(), county.longitude())));
			}
		}
		sorted.sort(Comparator.comparingDouble(Distant::km).thenComparing(Distant::entry, BY_STATE_AND_NAME));
		int from = Math.min((page - 1) * PAGE, sorted.size());
		int to = Math.min(from + PAGE, sorted.size());
		List<Item> items = sorted.subList(from, to)
			.stream()
			.map((distant) -> new Item(distant.entry().view(), distant.entry().place(), Places.miles(distant.km())))
			.toList();
		return new Page(items, page, to < sorted.size());
	}

	Page filtered(String filter, int page) {
		List<Entry> entries = switch (filter) {
			case "needs-leader" -> select(Entry::needsLeader, BY_STATE_AND_NAME);
			case "close" -> select((entry) -> entry.status() == CampaignStatus.OPEN
					&& entry.signatures() >= Math.ceil(entry.goal() * CLOSE), CLOSEST_TO_GOAL);
			default -> select((entry) -> entry.status() == CampaignStatus.WON, BY_STATE_AND_NAME);
		};
		return page(entries, page);
	}

	private List<Entry> select(Predicate<Entry> wanted, Comparator<Entry> order) {
		return this.board.entries().stream().filter(wanted).sorted(order).toList();
	}

	private static Page page(List<Entry> entries, int page) {
		int from = Math.min((page - 1) * PAGE, entries.size());
		int to = Math.min(from + PAGE, entries.size());
		return new Page(
				entries.subList(from, to).stream().map((entry) -> new Item(entry.view(), entry.place(), null)).toList(),
				page, to < entries.size());
	}

	private record Distant(Entry entry, double km) {
	}

}
