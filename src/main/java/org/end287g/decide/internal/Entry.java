package org.end287g.decide.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.end287g.decide.OfficeKind;
import org.end287g.places.Places;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

/**
 * One office and its holder as staff type them (the form) or as a CSV line gives them:
 * every value as typed, checked by {@link #check}, which names each wrong field with a
 * message key. The CSV's columns are these fields in this order.
 */
record Entry(String kind, String officeName, String state, String countyFips, String city, String agencySlug,
		String personName, String title, String termStart, String termEnd, String phone, String email, String address,
		String webForm, String social, String sourceTitle, String sourceUrl, String checkedOn) {

	/** The CSV's header: the columns, in order. */
	static final String[] COLUMNS = { "kind", "office_name", "state", "county_fips", "city", "agency_slug",
			"person_name", "title", "term_start", "term_end", "phone", "email", "address", "web_form", "social",
			"source_title", "source_url", "checked_on" };

	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]{7,30}( ?(x|ext\\.?) ?[0-9]{1,6})?");

	private static final Pattern FIPS = Pattern.compile("[0-9]{5}");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	Entry {
		kind = clean(kind).toUpperCase(Locale.ROOT);
		officeName = clean(officeName);
		state = clean(state).toUpperCase(Locale.ROOT);
		countyFips = clean(countyFips);
		city = clean(city);
		agencySlug = clean(agencySlug).toLowerCase(Locale.ROOT);
		personName = clean(personName);
		title = clean(title);
		termStart = clean(termStart);
		termEnd = clean(termEnd);
		phone = clean(phone);
		email = clean(email);
		address = (address != null) ? address.replace("\r\n", "\n").strip() : "";
		webForm = clean(webForm);
		social = clean(social);
		sourceTitle = clean(sourceTitle);
		sourceUrl = clean(sourceUrl);
		checkedOn = clean(checkedOn);
	}

	static Entry of(String[] values) {
		return new Entry(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
				values[8], values[9], values[10], values[11], values[12], values[13], values[14], values[15],
				values[16], values[17]);
	}

	static Entry empty(String state) {
		return new Entry("", "", state, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
	}

	private static String clean(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	/**
	 * The wrong fields (field name to message key), in the columns' order; empty when all
	 * fit.
	 */
	Map<String, String> check(Places places, TrackerReader tracker, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		OfficeKind officeKind = officeKind();
		if (officeKind == null) {
			errors.put("kind", "decide.error.kind");
		}
		text(errors, "officeName", this.officeName, 200, true);
		if (places.state(this.state).filter((s) -> s.code().equals(this.state)).isEmpty()) {
			errors.put("state", "decide.error.state");
		}
		if (!this.countyFips.isEmpty() && (!FIPS.matcher(this.countyFips).matches()
				|| places.county(this.countyFips).filter((c) -> c.stateCode().equals(this.state)).isEmpty())) {
			errors.put("countyFips", "decide.error.county");
		}
		text(errors, "city", this.city, 100, false);
		if (officeKind != null && officeKind.headsAgency()) {
			if (this.agencySlug.isEmpty()) {
				errors.put("agencySlug", "decide.error.agency.required");
			}
			else if (this.agencySlug.length() > 200 || !SLUG.matcher(this.agencySlug).matches()
					|| tracker.agency(this.agencySlug).filter((a) -> a.agency().state().equals(this.state)).isEmpty()) {
				errors.put("agencySlug", "decide.error.agency");
			}
		}
		else if (!this.agencySlug.isEmpty()) {
			errors.put("agencySlug", "decide.error.agency.notHead");
		}
		if (officeKind == OfficeKind.CITY_COUNCIL && this.city.isEmpty()) {
			errors.put("city", "decide.error.city.required");
		}
		if (officeKind == OfficeKind.COUNTY_BOARD && this.countyFips.isEmpty()) {
			errors.put("countyFips", "decide.error.county.required");
		}
		text(errors, "personName", this.personName, 200, true);
		text(errors, "title", this.title, 200, false);
		LocalDate start = date(errors, "termStart", this.termStart, false);
		LocalDate end = date(errors, "termEnd", this.termEnd, false);
		if (start != null && end != null && end.isBefore(start)) {
			errors.put("termEnd", "decide.error.termEnd.beforeStart");
		}
		if (!this.phone.isEmpty() && !PHONE.matcher(this.phone).matches()) {
			errors.put("phone", "decide.error.phone");
		}
		if (!this.email.isEmpty() && (this.email.length() > 254 || !EMAIL.matcher(this.email).matches())) {
			errors.put("email", "decide.error.email");
		}
		if (this.address.length() > 500) {
			errors.put("address", "decide.error.tooLong");
		}
		else if (hostile(this.address.replace("\n", " "))) {
			errors.put("address", "decide.error.malformed");
		}
		url(errors, "webForm", this.webForm, false);
		text(errors, "social", this.social, 500, false);
		text(errors, "sourceTitle", this.sourceTitle, 300, true);
		url(errors, "sourceUrl", this.sourceUrl, true);
		LocalDate checked = date(errors, "checkedOn", this.checkedOn, true);
		if (checked != null && checked.isAfter(today)) {
			errors.put("checkedOn", "decide.error.checkedOn.future");
		}
		return errors;
	}

	@Nullable OfficeKind officeKind() {
		for (OfficeKind k : OfficeKind.values()) {
			if (k.name().equals(this.kind)) {
				return k;
			}
		}
		return null;
	}

	/** The office's identity: one row per kind, state, place, agency and name. */
	String officeKey() {
		return String.join("|", this.kind, this.state, this.countyFips, this.city.toLowerCase(Locale.ROOT),
				this.agencySlug, this.officeName.toLowerCase(Locale.ROOT));
	}

	static @Nullable LocalDate parseDate(String value) {
		if (value.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static @Nullable LocalDate date(Map<String, String> errors, String field, String value, boolean required) {
		if (value.isEmpty()) {
			if (required) {
				errors.put(field, "decide.error.required");
			}
			return null;
		}
		LocalDate day = parseDate(value);
		if (day == null || day.getYear() < 1800 || day.getYear() > 2200) {
			errors.put(field, "decide.error.date");
			return null;
		}
		return day;
	}

	static void url(Map<String, String> errors, String field, String value, boolean required) {
		if (value.isEmpty()) {
			if (required) {
				errors.put(field, "decide.error.required");
			}
			return;
		}
		if (value.length() > 500) {
			errors.put(field, "decide.error.tooLong");
			return;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (!(lower.startsWith("https://") || lower.startsWith("http://")) || value.length() < 11
				|| value.chars().anyMatch((c) -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\')) {
			errors.put(field, "decide.error.url");
		}
	}

	static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
		if (value.isEmpty()) {
			if (required) {
				errors.put(field, "decide.error.required");
			}
		}
		else if (value.length() > max) {
			errors.put(field, "decide.error.tooLong");
		}
		else if (hostile(value)) {
			errors.put(field, "decide.error.malformed");
		}
	}

	/** Markup, control characters, or a spreadsheet formula at the start. */
	static boolean hostile(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '@' || first == '+' || first == '-'
				|| value.chars().anyMatch((c) -> c == '<' || c == '>' || Character.isISOControl(c) || c == '\u202e');
	}

	static @Nullable String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
