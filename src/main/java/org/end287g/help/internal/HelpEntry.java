package org.end287g.help.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the directory as stored: an organisation's public contact details, never
 * anything about the people it helps.
 *
 * @param languages language codes ({@code en}, {@code es} ...)
 * @param counties the FIPS codes of the counties served; empty when it serves the whole
 * country
 * @param facilities the names of the detention facilities (jails) served
 * @param lastChecked when staff last checked the details, if ever
 * @param proposedBy the organisation (accounts' id) whose organiser proposed it, if one
 * did
 */
record HelpEntry(long id, String name, HelpKind kind, List<String> languages, HelpCost cost, List<String> counties,
		List<String> facilities, @Nullable String phone, @Nullable String email, @Nullable String website,
		@Nullable String address, @Nullable String hoursEn, @Nullable String hoursEs, @Nullable LocalDate lastChecked,
		boolean approved, @Nullable Long proposedBy) {

	HelpEntry {
		languages = List.copyOf(languages);
		counties = List.copyOf(counties);
		facilities = List.copyOf(facilities);
	}

	/** The opening hours in the language, else in the other one; null when none. */
	public @Nullable String hours(Locale locale) {
		boolean spanish = "es".equals(locale.getLanguage());
		String first = spanish ? this.hoursEs : this.hoursEn;
		return (first != null) ? first : (spanish ? this.hoursEn : this.hoursEs);
	}

	/** The languages spoken, named in the page's language ("English, Spanish"). */
	public String languageNames(Locale locale) {
		return String.join(", ",
				this.languages.stream().map((code) -> Locale.forLanguageTag(code).getDisplayLanguage(locale)).toList());
	}

	/** Whether it serves the whole country rather than some counties. */
	public boolean nationwide() {
		return this.counties.isEmpty();
	}

	/** A tel: link of the phone number, digits and a leading + only. */
	public @Nullable String telephoneLink() {
		if (this.phone == null) {
			return null;
		}
		String digits = this.phone.replaceAll("[^0-9+]", "");
		return "tel:" + digits;
	}

}
