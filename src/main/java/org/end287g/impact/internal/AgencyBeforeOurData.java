package org.end287g.impact.internal;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.site.CacheablePages;
import org.end287g.tracker.AgenciesBeforeOurData;
import org.end287g.tracker.ListedCount;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * An agency that ended its agreement before the tracker's data begin (Mecklenburg) still
 * has a page at the tracker's address, {@code /agencies/{slug}}, when a published win
 * names it by that slug: its history in sentences, a note on where our data begin, its
 * figures, its win's story, help near its county and the next campaign near it. Search
 * results show it too. An agency the tracker knows always gets the tracker's page.
 */
@Component
class AgencyBeforeOurData implements AgenciesBeforeOurData {

	/** How much of the story the page shows before its link. */
	static final int EXCERPT = 320;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

	/** Words that name no agency in particular: alone, they find nothing. */
	private static final Set<String> GENERIC = Set.of("county", "condado", "sheriff", "sheriffs", "office", "oficina",
			"department", "departamento", "police", "policia", "city", "ciudad", "of", "the", "de", "del", "la", "el",
			"y", "and", "jail", "carcel", "287g", "287", "g");

	private final Wins wins;

	private final ImpactSummaries summaries;

	private final Celebrations celebrations;

	private final TrackerReader tracker;

	private final Places places;

	private final MessageSource messages;

	AgencyBeforeOurData(Wins wins, ImpactSummaries summaries, Celebrations celebrations, TrackerReader tracker,
			Places places, MessageSource messages) {
		this.wins = wins;
		this.summaries = summaries;
		this.celebrations = celebrations;
		this.tracker = tracker;
		this.places = places;
		this.messages = messages;
	}

	/**
	 * What the page shows of the agency.
	 *
	 * @param county the county its name places it in, null when it names none we know
	 * @param history a sentence per ended agreement, latest first
	 * @param dataBegin when our data from ICE begin, in words
	 * @param excerpt the start of the latest win's story, null when it has none
	 */
	record Page(String slug, String name, String state, @Nullable String stateName, @Nullable County county,
			List<String> history, String dataBegin, Win win, @Nullable String excerpt, boolean wholeStory) {
	}

	@Override
	public Optional<String> page(String slug, Model model, Locale locale) {
		if (slug.length() > 200 || !Checks.SLUG.matcher(slug).matches()) {
			return Optional.empty();
		}
		List<Win> won = this.wins.ofAgency(slug);
		if (won.isEmpty()) {
			return Optional.empty();
		}
		Win latest = won.get(0);
		County county = county(latest).orElse(null);
		String story = latest.story(locale);
		String excerpt = (story != null) ? excerpt(story) : null;
		Page page = new Page(slug, latest.agencyName(), latest.state(),
				this.places.state(latest.state()).map(State::name).orElse(null), county,
				won.stream().map((win) -> history(win, locale)).toList(), dataBegin(locale), latest, excerpt,
				story != null && story.equals(excerpt));
		model.addAttribute("page", page);
		model.addAttribute("impact", this.summaries.of(slug, locale));
		if (county != null) {
			this.celebrations.next(county, slug).ifPresent((next) -> model.addAttribute("next", next));
		}
		return Optional.of("impact/agency");
	}

	@Override
	public List<Found> search(String query, Locale locale) {
		List<String> words = words(query);
		if (words.isEmpty() || words.size() > 12 || words.stream().allMatch(GENERIC::contains)) {
			return List.of();
		}
		Map<String, Found> found = new TreeMap<>();
		for (Win win : this.wins.published()) {
			String slug = win.agencySlug();
			if (slug != null && !found.containsKey(slug) && matches(win, words)
					&& this.tracker.agency(slug).isEmpty()) {
				found.put(slug, new Found(slug, win.agencyName(), win.state(), ended(win, locale)));
			}
		}
		return found.values().stream().sorted(Comparator.comparing(Found::name)).toList();
	}

	/**
	 * Every distinctive word of the query starts a word of the name, or is the state's
	 * code or a word of its name; generic words ("county", "condado") are let pass.
	 */
	private boolean matches(Win win, List<String> words) {
		List<String> name = words(win.agencyName());
		String state = win.state().toLowerCase(Locale.ROOT);
		List<String> stateName = this.places.state(win.state()).map((s) -> words(s.name())).orElse(List.of());
		return words.stream()
			.filter((word) -> !GENERIC.contains(word))
			.allMatch((word) -> word.equals(state) || stateName.contains(word)
					|| name.stream().anyMatch((w) -> w.startsWith(word)));
	}

	private static List<String> words(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("'", "");
		return Arrays.stream(NOT_WORD.split(plain)).filter((word) -> !word.isEmpty()).toList();
	}

	/** The county the agency's name places it in ("Mecklenburg County ..."). */
	private Optional<County> county(Win win) {
		return this.places.countyInName(win.state(), win.agencyName());
	}

	/**
	 * One sentence of the history, such as "Had a 287(g) agreement (model JEM) until 5
	 * December 2018; it ended when a new sheriff took office".
	 */
	String history(Win win, Locale locale) {
		String models = switch (win.models().size()) {
			case 0 -> "";
			case 1 -> text("impact.agency.history.model", locale, win.models().get(0));
			default -> text("impact.agency.history.models", locale, String.join(", ", win.models()));
		};
		String until = text("impact.agency.history.until." + precision(win), locale, models, date(win, locale));
		return text("impact.agency.history.sentence", locale, until,
				text("impact.agency.history.how." + win.how(), locale));
	}

	/** "Ended on 5 December 2018", for search results. */
	private String ended(Win win, Locale locale) {
		return text("impact.agency.ended." + precision(win), locale, date(win, locale));
	}

	private static String precision(Win win) {
		return (win.ended() == null) ? "UNKNOWN" : win.precision();
	}

	private String date(Win win, Locale locale) {
		if (win.ended() == null) {
			return "";
		}
		String pattern = switch (win.precision()) {
			case "DAY" -> text("date.long", locale);
			case "MONTH" -> text("date.month", locale);
			default -> "yyyy";
		};
		return win.ended().format(DateTimeFormatter.ofPattern(pattern, locale));
	}

	/**
	 * When our data from ICE begin: the first sheet we hold, or the shipped one's year.
	 */
	private String dataBegin(Locale locale) {
		List<ListedCount> sheets = this.tracker.listedHistory();
		if (sheets.isEmpty()) {
			return text("impact.agency.data.none", locale);
		}
		String date = sheets.get(0).publishedOn().format(this.summaries.longDate(locale));
		return text("impact.agency.data", locale, date);
	}

	/** The story's first sentences up to about {@link #EXCERPT} characters. */
	static String excerpt(String story) {
		if (story.length() <= EXCERPT) {
			return story;
		}
		int end = story.lastIndexOf(". ", EXCERPT);
		if (end > EXCERPT / 3) {
			return story.substring(0, end + 1);
		}
		int space = story.lastIndexOf(' ', EXCERPT);
		return story.substring(0, (space > 0) ? space : EXCERPT) + "…";
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/** The wins pages change only when staff edit a win: the page cache may keep them. */
	@Component
	static class WinsPages implements CacheablePages {

		@Override
		public boolean covers(String path) {
			return "/wins".equals(path) || path.startsWith("/wins/");
		}

	}

}
