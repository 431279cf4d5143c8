package org.end287g.tracker.moa;

import java.util.regex.Pattern;

import org.end287g.problems.Problem;

/**
 * A search of the MOAs' text as people type it: 2 to 80 characters of letters, digits,
 * blanks and the punctuation MOAs use. Anything else (wildcards, markup, control
 * characters) is refused with a translated 400, never passed on.
 *
 * @param folded the words folded as pages are
 */
public record MoaQuery(String folded) {

	static final int MAX_LENGTH = 80;

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} .,'’()/§:-]+");

	/** The query, or a 400 problem saying what is wrong with it. */
	public static MoaQuery of(String q) {
		String text = q.strip();
		if (text.isEmpty()) {
			throw Problem.badRequest("moa.error.query.empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw Problem.badRequest("moa.error.query.long", MAX_LENGTH);
		}
		if (!ALLOWED.matcher(text).matches()) {
			throw Problem.badRequest("moa.error.query.chars");
		}
		String folded = SearchText.query(text);
		if (folded.length() < 2) {
			throw Problem.badRequest("moa.error.query.short");
		}
		return new MoaQuery(folded);
	}

}
