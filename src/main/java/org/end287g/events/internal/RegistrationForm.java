package org.end287g.events.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.end287g.privacy.EmailAddresses;

/** The registration form: values, errors (message keys by field) and the checked form. */
final class RegistrationForm {

	static final int MAX_NAME = 100;

	static final int MAX_ANSWER = 500;

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

	private static final Pattern PHONE = Pattern.compile("[0-9+().\\- ]{7,32}");

	private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cc}");

	final Map<String, String> values = new LinkedHashMap<>();

	final Map<String, String> errors = new LinkedHashMap<>();

	Registrations.Form form;

	static RegistrationForm read(Map<String, String> params, int questions, Predicate<String> knownZip) {
		RegistrationForm read = new RegistrationForm();
		List<String> fields = new ArrayList<>(List.of("name", "email", "zip", "phone", "language"));
		for (int i = 0; i < questions; i++) {
			fields.add("q" + i);
		}
		for (String field : fields) {
			String value = params.get(field);
			read.values.put(field, (value == null || value.length() > 2_000) ? "" : value);
		}
		read.check(params, questions, knownZip);
		return read;
	}

	private void check(Map<String, String> params, int questions, Predicate<String> knownZip) {
		String name = EventForm.strip(params.get("name"));
		if (name.isEmpty()) {
			this.errors.put("name", "events.register.error.name.required");
		}
		else if (name.length() > MAX_NAME) {
			this.errors.put("name", "events.register.error.name.long");
		}
		else if (ANY_CONTROL.matcher(name).find()) {
			this.errors.put("name", "events.register.error.name.malformed");
		}
		String email = EventForm.strip(params.get("email"));
		if (email.isEmpty()) {
			this.errors.put("email", "events.register.error.email.required");
		}
		else if (email.length() > EmailAddresses.MAX_LENGTH) {
			this.errors.put("email", "events.register.error.email.long");
		}
		else if (!EmailAddresses.isValid(email)) {
			this.errors.put("email", "events.register.error.email.malformed");
		}
		String zip = EventForm.strip(params.get("zip"));
		if (zip.isEmpty()) {
			this.errors.put("zip", "events.register.error.zip.required");
		}
		else if (!ZIP.matcher(zip).matches()) {
			this.errors.put("zip", "events.register.error.zip.malformed");
		}
		else if (!knownZip.test(zip)) {
			this.errors.put("zip", "events.register.error.zip.unknown");
		}
		String phone = EventForm.strip(params.get("phone"));
		if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
			this.errors.put("phone", "events.register.error.phone.malformed");
		}
		String language = EventForm.strip(params.get("language"));
		if (!language.equals("en") && !language.equals("es")) {
			this.errors.put("language", "events.register.error.language");
		}
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < questions; i++) {
			String answer = EventForm.strip(params.get("q" + i));
			if (answer.length() > MAX_ANSWER) {
				this.errors.put("q" + i, "events.register.error.answer.long");
			}
			else if (ANY_CONTROL.matcher(answer).find()) {
				this.errors.put("q" + i, "events.register.error.answer.malformed");
			}
			answers.add(answer);
		}
		if (this.errors.isEmpty()) {
			this.form = new Registrations.Form(name, EmailAddresses.normalize(email), zip,
					phone.isEmpty() ? null : phone, Locale.forLanguageTag(language), answers);
		}
	}

}
