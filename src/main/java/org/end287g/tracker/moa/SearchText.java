package org.end287g.tracker.moa;

import java.util.Locale;

/**
 * The one way page text and queries are folded for matching: lower case char by char and
 * line breaks as spaces, so a match in the folded text sits at the same offset in the
 * page's text and its snippet can be cut from there.
 */
final class SearchText {

	private SearchText() {
	}

	static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = (chars[i] == '\n') ? ' ' : Character.toLowerCase(chars[i]);
		}
		return new String(chars);
	}

	/** The query folded and its blanks collapsed, as pages were. */
	static String query(String q) {
		return fold(q.strip().replaceAll("\\s+", " ")).toLowerCase(Locale.ROOT);
	}

}
