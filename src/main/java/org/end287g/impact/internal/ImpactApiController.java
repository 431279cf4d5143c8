package org.end287g.impact.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.end287g.SiteAddress;
import org.end287g.problems.Problem;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data: an agency's figures ({@code /api/v1/agencies/{slug}/impact}, JSON and CSV),
 * the national ones ({@code /api/v1/impact}) and every published win
 * ({@code /api/v1/wins}). The tracker's API answers the rest of {@code /api/v1}; none of
 * these paths is its.
 */
@RestController
class ImpactApiController {

	private final Figures figures;

	private final Wins wins;

	private final TrackerReader tracker;

	private final SiteAddress site;

	ImpactApiController(Figures figures, Wins wins, TrackerReader tracker, SiteAddress site) {
		this.figures = figures;
		this.wins = wins;
		this.tracker = tracker;
		this.site = site;
	}

	/** A figure as open data writes it. */
	record FigureJson(@Nullable String model, String measure, long value, String qualifier, String period,
			@Nullable Integer fiscalYear, @Nullable String from, @Nullable String to, SourceJson source,
			@Nullable String note) {

		static FigureJson of(Figure f) {
			return new FigureJson(f.model(), f.measure(), f.value(), f.qualifier(), f.period(), f.fiscalYear(),
					text(f.from()), text(f.to()), SourceJson.of(f.source()), f.note());
		}

	}

	record SourceJson(String title, @Nullable String publisher, @Nullable String url, @Nullable String date) {

		static SourceJson of(Figure.Source s) {
			return new SourceJson(s.title(), s.publisher(), s.url(), text(s.date()));
		}

	}

	record AgencyJson(String name, String state, @Nullable String slug) {
	}

	record WinJson(AgencyJson agency, List<String> models, @Nullable String ended, String endedPrecision, String how,
			@Nullable String campaign, @Nullable String organizations, Map<String, @Nullable String> story,
			List<SourceJson> sources, String url) {
	}

	@GetMapping(path = "/api/v1/agencies/{slug}/impact", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<FigureJson>> agency(@PathVariable String slug) {
		return Map.of("figures", known(slug).stream().map(FigureJson::of).toList());
	}

	@GetMapping("/api/v1/agencies/{slug}/impact.csv")
	ResponseEntity<String> agencyCsv(@PathVariable String slug) {
		return csv(known(slug), slug + "-impact.csv");
	}

	@GetMapping(path = "/api/v1/impact", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<FigureJson>> national() {
		return Map.of("figures", this.figures.of(null).stream().map(FigureJson::of).toList());
	}

	@GetMapping("/api/v1/impact.csv")
	ResponseEntity<String> nationalCsv() {
		return csv(this.figures.of(null), "national-impact.csv");
	}

	@GetMapping(path = "/api/v1/wins", produces = MediaType.APPLICATION_JSON_VALUE)
	List<WinJson> wins() {
		return this.wins.published()
			.stream()
			.map((w) -> new WinJson(new AgencyJson(w.agencyName(), w.state(), w.agencySlug()), w.models(),
					text(w.ended()), w.precision(), w.how(), w.campaign(), w.organizations(),
					story(w.storyEn(), w.storyEs()), w.sources().stream().map(SourceJson::of).toList(),
					this.site.link("/wins/" + w.slug())))
			.toList();
	}

	private static Map<String, @Nullable String> story(@Nullable String en, @Nullable String es) {
		java.util.LinkedHashMap<String, @Nullable String> story = new java.util.LinkedHashMap<>();
		story.put("en", en);
		story.put("es", es);
		return story;
	}

	/**
	 * The figures of an agency the tracker or a win knows (none is an empty list); any
	 * other slug is not found.
	 */
	private List<Figure> known(String slug) {
		if (slug.length() > 200 || !Checks.SLUG.matcher(slug).matches()) {
			throw Problem.notFound("impact.error.agency");
		}
		List<Figure> list = this.figures.of(slug);
		if (list.isEmpty() && this.tracker.agency(slug).isEmpty() && this.wins.ofAgency(slug).isEmpty()) {
			throw Problem.notFound("impact.error.agency");
		}
		return list;
	}

	private static ResponseEntity<String> csv(List<Figure> list, String name) {
		StringBuilder csv = new StringBuilder(String.join(",", FigureInput.COLUMNS)).append("\r\n");
		for (Figure f : list) {
			List<@Nullable String> cells = java.util.Arrays.asList(f.agencySlug(), f.model(), f.measure(),
					Long.toString(f.value()), f.qualifier(),
					(f.fiscalYear() != null) ? f.fiscalYear().toString() : null, text(f.from()), text(f.to()),
					f.source().title(), f.source().publisher(), f.source().url(), text(f.source().date()), f.note());
			csv.append(String.join(",", cells.stream().map(ImpactApiController::cell).toList())).append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(csv.toString());
	}

	/**
	 * A CSV cell, quoted when needed; a leading formula sign is defused for spreadsheets.
	 */
	static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static @Nullable String text(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
