package org.end287g.impact.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A win as staff type it. Sources are one a line: {@code title | publisher | https://...
 * | YYYY-MM-DD}, only the title required. A published win needs its story in both
 * languages and a source.
 */
record WinInput(@Nullable String agencyName, @Nullable String state, @Nullable String agencySlug,
		@Nullable List<String> models, @Nullable String ended, @Nullable String precision, @Nullable String how,
		@Nullable String campaign, @Nullable String organizations, @Nullable String storyEn, @Nullable String storyEs,
		@Nullable String sources, @Nullable String status) {

	static final int MAX_SOURCES = 20;

	static WinInput of(Win win) {
		StringBuilder sources = new StringBuilder();
		for (Figure.Source s : win.sources()) {
			sources.append(s.title())
				.append(" | ")
				.append((s.publisher() != null) ? s.publisher() : "")
				.append(" | ")
				.append((s.url() != null) ? s.url() : "")
				.append(" | ")
				.append((s.date() != null) ? s.date().toString() : "")
				.append('\n');
		}
		return new WinInput(win.agencyName(), win.state(), win.agencySlug(), win.models(),
				(win.ended() != null) ? win.ended().toString() : "", win.precision(), win.how(), win.campaign(),
				win.organizations(), win.storyEn(), win.storyEs(), sources.toString().strip(), win.status());
	}

	static WinInput empty() {
		return new WinInput("", "", "", List.of(), "", "DAY", "UNKNOWN", "", "", "", "", "", "DRAFT");
	}

	Checked check() {
		Checks checks = new Checks();
		String name = checks.text("agencyName", this.agencyName, 200, true);
		String stateCode = checks.text("state", (this.state != null) ? this.state.toUpperCase(Locale.ROOT) : null, 200,
				true);
		if (stateCode != null && !stateCode.matches("[A-Z]{2}")) {
			checks.refuse("state", "impact.error.state");
		}
		String slug = checks.slug("agencySlug", this.agencySlug, false);
		List<String> modelNames = new ArrayList<>();
		for (String model : (this.models != null) ? this.models : List.<String>of()) {
			String name2 = checks.choice("models", model, Win.MODELS, null);
			if (name2 != null && !modelNames.contains(name2)) {
				modelNames.add(name2);
			}
		}
		LocalDate endedOn = checks.date("ended", this.ended);
		String precisionName = checks.choice("precision", this.precision, Win.PRECISIONS, "DAY");
		if (endedOn == null && precisionName != null && !"UNKNOWN".equals(precisionName)) {
			precisionName = "UNKNOWN";
		}
		String howName = checks.choice("how", this.how, Win.HOWS, "UNKNOWN");
		String campaignText = checks.text("campaign", this.campaign, 300, false);
		String organizationsText = checks.text("organizations", this.organizations, 1000, false);
		String statusName = checks.choice("status", this.status, Win.STATUSES, "DRAFT");
		boolean publish = "PUBLISHED".equals(statusName);
		String en = checks.text("storyEn", this.storyEn, 4000, publish, true);
		String es = checks.text("storyEs", this.storyEs, 4000, publish, true);
		List<Figure.Source> sourceList = sources(checks, publish);
		if (!checks.ok() || name == null || stateCode == null || precisionName == null || howName == null
				|| statusName == null) {
			return new Checked(null, checks.refusals());
		}
		return new Checked(new Win(0, "", statusName, name, stateCode, slug, modelNames, endedOn, precisionName,
				howName, campaignText, organizationsText, en, es, sourceList), List.of());
	}

	private List<Figure.Source> sources(Checks checks, boolean required) {
		String text = (this.sources != null) ? this.sources.replace("\r\n", "\n").strip() : "";
		List<Figure.Source> list = new ArrayList<>();
		if (text.length() > 20_000) {
			checks.refuse("sources", "impact.error.long");
			return list;
		}
		for (String line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			if (parts.length > 4) {
				checks.refuse("sources", "impact.error.sources.format");
				continue;
			}
			String title = checks.text("sources", parts[0], 300, false);
			if (title == null) {
				checks.refuse("sources", "impact.error.sources.title");
				continue;
			}
			String publisher = (parts.length > 1) ? checks.text("sources", parts[1], 200, false) : null;
			String url = (parts.length > 2) ? checks.url("sources", parts[2]) : null;
			LocalDate date = (parts.length > 3) ? checks.date("sources", parts[3]) : null;
			list.add(new Figure.Source(title, publisher, url, date));
		}
		if (list.size() > MAX_SOURCES) {
			checks.refuse("sources", "impact.error.sources.many");
		}
		if (required && list.isEmpty() && checks.ok()) {
			checks.refuse("sources", "impact.error.sources.none");
		}
		return list;
	}

	record Checked(@Nullable Win win, List<Checks.Refusal> refusals) {
	}

}
