package org.end287g.tracker.moa;

/**
 * Where a search matched on a page: the words around the match, cut at word boundaries,
 * with the match apart so pages can highlight it without writing HTML from text.
 *
 * @param before the text before the match
 * @param match the matching words as the page writes them
 * @param after the text after the match
 */
public record Snippet(String before, String match, String after) {

	private static final int AROUND = 90;

	static Snippet at(String pageText, int start, int length) {
		String text = pageText.replace('\n', ' ');
		int from = Math.max(0, start - AROUND);
		int to = Math.min(text.length(), start + length + AROUND);
		while (from > 0 && from < start && text.charAt(from - 1) != ' ') {
			from++;
		}
		while (to < text.length() && to > start + length && text.charAt(to) != ' ') {
			to--;
		}
		String before = ((from > 0) ? "…" : "") + text.substring(from, start);
		String after = text.substring(start + length, to) + ((to < text.length()) ? "…" : "");
		return new Snippet(before, text.substring(start, start + length), after);
	}

	/** The snippet as one line of plain text. */
	public String plain() {
		return this.before + this.match + this.after;
	}

}
