package org.end287g.toolkit.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language of the toolkit's files and texts: English or Spanish, as asked
 * ({@code ?lang=es}), else the page's.
 */
final class MaterialLanguage {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private MaterialLanguage() {
	}

	/**
	 * {@code es} when asked, or when the page is in Spanish and nothing was asked.
	 * @param lang the language asked for, if any
	 * @param page the page's language, as the site resolved it (after a {@code ?lang}
	 * switch)
	 */
	static Locale of(@Nullable String lang, Locale page) {
		if (lang == null || lang.isBlank()) {
			return "es".equals(page.getLanguage()) ? SPANISH : Locale.ENGLISH;
		}
		return "es".equals(lang) ? SPANISH : Locale.ENGLISH;
	}

}
