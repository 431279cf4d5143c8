package org.end287g.impact.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.end287g.SiteAddress;
import org.end287g.problems.Problem;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The wins page (filtered by how and year with a plain GET form) and each win's story,
 * with share links (plain addresses, no third-party script) and Open Graph tags.
 */
@Controller
class WinsController {

	static final List<String> CHANNELS = List.of("whatsapp", "sms", "facebook", "x", "bluesky", "email", "link");

	private final Wins wins;

	private final Figures figures;

	private final ImpactSummaries summaries;

	private final TrackerReader tracker;

	private final SiteAddress site;

	private final MessageSource messages;

	private final WinsMap map;

	private final WinImage image;

	WinsController(Wins wins, Figures figures, ImpactSummaries summaries, TrackerReader tracker, SiteAddress site,
			MessageSource messages, WinsMap map, WinImage image) {
		this.image = image;
		this.wins = wins;
		this.figures = figures;
		this.summaries = summaries;
		this.tracker = tracker;
		this.site = site;
		this.messages = messages;
		this.map = map;
	}

	@GetMapping("/wins")
	String list(@RequestParam(required = false) @Nullable String how,
			@RequestParam(required = false) @Nullable String year, Model model, Locale locale) {
		String howFilter = (how == null || how.isBlank()) ? null : how.strip();
		if (howFilter != null && !Win.HOWS.contains(howFilter)) {
			throw Problem.badRequest("impact.wins.error.how");
		}
		Integer yearFilter = null;
		if (year != null && !year.isBlank()) {
			if (!year.strip().matches("[0-9]{4}")) {
				throw Problem.badRequest("impact.wins.error.year");
			}
			yearFilter = Integer.valueOf(year.strip());
		}
		List<Win> all = this.wins.published();
		Integer wanted = yearFilter;
		List<Win> shown = all.stream()
			.filter((w) -> howFilter == null || howFilter.equals(w.how()))
			.filter((w) -> wanted == null || wanted.equals(w.year()))
			.toList();
		model.addAttribute("wins", shown);
		model.addAttribute("map", this.map.of(shown, locale));
		model.addAttribute("total", all.size());
		model.addAttribute("hows", Win.HOWS);
		model.addAttribute("years", all.stream().map(Win::year).filter(Objects::nonNull).distinct().sorted().toList());
		model.addAttribute("how", howFilter);
		model.addAttribute("year", yearFilter);
		model.addAttribute("national",
				this.figures.of(null).stream().map((f) -> this.summaries.line(f, locale)).toList());
		return "impact/wins";
	}

	@GetMapping("/wins/{slug}")
	String win(@PathVariable String slug, Model model, Locale locale) {
		Win win = this.wins.bySlug(slug)
			.filter(Win::published)
			.orElseThrow(() -> Problem.notFound("impact.wins.error.unknown"));
		model.addAttribute("win", win);
		model.addAttribute("story", win.story(locale));
		model.addAttribute("trackerKnows",
				win.agencySlug() != null && this.tracker.agency(win.agencySlug()).isPresent());
		model.addAttribute("impact", (win.agencySlug() != null) ? this.summaries.of(win.agencySlug(), locale) : null);
		String url = this.site.link("/wins/" + win.slug());
		String title = this.messages.getMessage("impact.win.share.title", new Object[] { win.agencyName() }, locale);
		String text = this.messages.getMessage("impact.win.share.text", new Object[] { win.agencyName() }, locale);
		model.addAttribute("winShareLinks",
				CHANNELS.stream().map((c) -> new ShareLink(c, href(c, url, title, text))).toList());
		String language = "es".equals(locale.getLanguage()) ? "es" : "en";
		model.addAttribute("socialCard",
				new SocialCard(title, text, url, this.site.link("/wins/" + win.slug() + "/share.png?lang=" + language),
						title, "es".equals(language) ? "es_US" : "en_US"));
		return "impact/win";
	}

	/**
	 * The story's share image, in the page's language; kept a day by browsers and
	 * networks.
	 */
	@GetMapping(path = "/wins/{slug}/share.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> shareImage(@PathVariable String slug, Locale locale) {
		Win win = this.wins.bySlug(slug)
			.filter(Win::published)
			.orElseThrow(() -> Problem.notFound("impact.wins.error.unknown"));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(this.image.png(win, locale));
	}

	/** A share link: its channel and address. */
	record ShareLink(String channel, String href) {
	}

	/** What the layout writes as Open Graph tags, the win's own image among them. */
	record SocialCard(String title, String description, String url, @Nullable String image, @Nullable String imageAlt,
			String locale) {
	}

	static String href(String channel, String url, String title, String text) {
		return switch (channel) {
			case "x" -> "https://x.com/intent/post?text=" + encode(text) + "&url=" + encode(url);
			case "facebook" -> "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
			case "bluesky" -> "https://bsky.app/intent/compose?text=" + encode(text + " " + url);
			case "whatsapp" -> "https://wa.me/?text=" + encode(text + " " + url);
			case "email" -> "mailto:?subject=" + encode(title) + "&body=" + encode(text + "\n\n" + url);
			case "sms" -> "sms:?&body=" + encode(text + " " + url);
			default -> url;
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
