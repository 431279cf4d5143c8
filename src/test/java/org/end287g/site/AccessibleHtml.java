package org.end287g.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small static check of rendered HTML: one h1 and no skipped heading level, an alt on
 * every image, a label for every form control. Not a full WCAG audit, but it catches the
 * mistakes templates make most often.
 */
public final class AccessibleHtml {

	private static final Pattern HEADING = Pattern.compile("<h([1-6])[\\s>]", Pattern.CASE_INSENSITIVE);

	private static final Pattern IMAGE = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	private static final Pattern UNLABELLED_TYPE = Pattern.compile("\\stype=\"(hidden|submit|reset|button)\"",
			Pattern.CASE_INSENSITIVE);

	private AccessibleHtml() {
	}

	public static List<String> problems(String html) {
		List<String> problems = new ArrayList<>(headingProblems(html));
		problems.addAll(imagesWithoutAlt(html));
		problems.addAll(unlabelledControls(html));
		return problems;
	}

	public static List<String> headingProblems(String html) {
		List<String> problems = new ArrayList<>();
		Matcher heading = HEADING.matcher(html);
		int previous = 0;
		int h1 = 0;
		while (heading.find()) {
			int level = Integer.parseInt(heading.group(1));
			h1 += (level == 1) ? 1 : 0;
			if (level > previous + 1) {
				problems.add("h" + level + " follows " + ((previous == 0) ? "nothing" : "h" + previous));
			}
			previous = level;
		}
		if (h1 != 1) {
			problems.add(h1 + " h1 elements instead of one");
		}
		return problems;
	}

	public static List<String> imagesWithoutAlt(String html) {
		return IMAGE.matcher(html)
			.results()
			.map(java.util.regex.MatchResult::group)
			.filter((img) -> !img.contains(" alt=\""))
			.map((img) -> "image without alt: " + img)
			.toList();
	}

	public static List<String> unlabelledControls(String html) {
		List<String> problems = new ArrayList<>();
		Matcher control = CONTROL.matcher(html);
		while (control.find()) {
			String tag = control.group();
			if (!UNLABELLED_TYPE.matcher(tag).find() && !labelled(html, tag, control.start())) {
				problems.add("control without label: " + tag);
			}
		}
		return problems;
	}

	private static boolean labelled(String html, String tag, int position) {
		if (tag.contains("aria-label=\"") || tag.contains("aria-labelledby=\"")) {
			return true;
		}
		Matcher id = ID.matcher(tag);
		if (id.find() && html.contains("for=\"" + id.group(1) + "\"")) {
			return true;
		}
		// Wrapped in a label: the nearest <label before the control is still open.
		String before = html.substring(0, position);
		int open = before.lastIndexOf("<label");
		return open >= 0 && before.indexOf("</label>", open) < 0;
	}

}
