package org.end287g.decide;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An office and the person who holds it today, with the public contacts of the office and
 * the source of the record. Contacts may each be {@code null}.
 *
 * @param webForm an http or https address, never anything else
 */
public record Official(long officeId, OfficeKind kind, String office, String state, String name, @Nullable String title,
		@Nullable String phone, @Nullable String email, @Nullable String address, @Nullable String webForm,
		@Nullable String social, String sourceTitle, String sourceUrl, LocalDate checkedOn) {

	/**
	 * The phone number for a {@code tel:} link: digits and a leading +, or {@code null}.
	 */
	public @Nullable String dialable() {
		if (this.phone == null) {
			return null;
		}
		String digits = this.phone.replaceAll("[^0-9+]", "");
		return (digits.replace("+", "").length() >= 7) ? digits : null;
	}

}
