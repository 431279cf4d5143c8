package org.end287g.help.internal;

import org.end287g.privacy.EmailAddress;
import org.end287g.validation.EnumName;
import org.end287g.validation.Phone;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.WebAddress;

/**
 * An entry as staff type it, an organisation proposes it or a line of a CSV file holds
 * it. Texts may not start like a spreadsheet formula ({@code = + - @}) nor hold angle
 * brackets: entries are printed and imported again from spreadsheets, and no
 * organisation's name needs them. Counties are FIPS codes and languages codes, separated
 * by spaces or commas; facilities one per line or separated by {@code ;}.
 */
record HelpForm(
		@PlainText(max = HelpForm.MAX_NAME, visibleOnly = true, codePoints = true, pattern = HelpForm.TEXT,
				required = "{help.error.name.required}", tooLong = "{help.error.name.long}",
				lineBreak = "{help.error.lines}", message = "{help.error.text}") String name,
		@EnumName(value = HelpKind.class, message = "{help.error.kind}") String kind,
		@PlainText(max = 200, pattern = "[a-z]{2,3}([ ,]+[a-z]{2,3})*", required = "{help.error.languages}",
				tooLong = "{help.error.languages}", message = "{help.error.languages}") String languages,
		@EnumName(value = HelpCost.class, message = "{help.error.cost}") String cost,
		@PlainText(max = 4000, pattern = "([0-9]{5}([ ,]+[0-9]{5})*)?", tooLong = "{help.error.counties.long}",
				message = "{help.error.counties}") String counties,
		@PlainText(max = 4000, multiline = true, visibleOnly = true, codePoints = true, pattern = HelpForm.TEXT,
				tooLong = "{help.error.facilities.long}", message = "{help.error.text}") String facilities,
		@Phone(message = "{help.error.phone}") String phone,
		@EmailAddress(tooLong = "{help.error.email}", message = "{help.error.email}") String email,
		@WebAddress(message = "{help.error.website}", tooLong = "{help.error.website.long}") String website,
		@PlainText(max = 300, visibleOnly = true, codePoints = true, pattern = HelpForm.TEXT,
				tooLong = "{help.error.address.long}", lineBreak = "{help.error.lines}",
				message = "{help.error.text}") String address,
		@PlainText(max = 300, visibleOnly = true, codePoints = true, pattern = HelpForm.TEXT,
				tooLong = "{help.error.hours.long}", lineBreak = "{help.error.lines}",
				message = "{help.error.text}") String hoursEn,
		@PlainText(max = 300, visibleOnly = true, codePoints = true, pattern = HelpForm.TEXT,
				tooLong = "{help.error.hours.long}", lineBreak = "{help.error.lines}",
				message = "{help.error.text}") String hoursEs,
		@PlainText(max = 10, pattern = "([0-9]{4}-[0-9]{2}-[0-9]{2})?", message = "{help.error.date}",
				tooLong = "{help.error.date}") String lastChecked) {

	static final int MAX_NAME = 200;

	/** No formula start, no angle brackets. */
	static final String TEXT = "(?s)(?![=+@\\-])[^<>]*";

	/** The fields in the order forms and files show them. */
	static final String[] FIELDS = { "name", "kind", "languages", "cost", "counties", "facilities", "phone", "email",
			"website", "address", "hoursEn", "hoursEs", "lastChecked" };

	HelpForm {
		name = TypedText.line(name);
		kind = TypedText.line(kind);
		languages = TypedText.line(languages).toLowerCase(java.util.Locale.ROOT);
		cost = TypedText.line(cost);
		counties = TypedText.line(counties);
		facilities = TypedText.lines(facilities);
		phone = TypedText.line(phone);
		email = TypedText.line(email);
		website = TypedText.line(website);
		address = TypedText.line(address);
		hoursEn = TypedText.line(hoursEn);
		hoursEs = TypedText.line(hoursEs);
		lastChecked = TypedText.line(lastChecked);
	}

	static HelpForm empty() {
		return new HelpForm("", "", "en es", "FREE", "", "", "", "", "", "", "", "", "");
	}

	static HelpForm of(HelpEntry entry) {
		return new HelpForm(entry.name(), entry.kind().name(), String.join(" ", entry.languages()), entry.cost().name(),
				String.join(" ", entry.counties()), String.join("\n", entry.facilities()), orEmpty(entry.phone()),
				orEmpty(entry.email()), orEmpty(entry.website()), orEmpty(entry.address()), orEmpty(entry.hoursEn()),
				orEmpty(entry.hoursEs()), (entry.lastChecked() != null) ? entry.lastChecked().toString() : "");
	}

	private static String orEmpty(@org.jspecify.annotations.Nullable String value) {
		return (value != null) ? value : "";
	}

}
