package org.end287g.coalitions.internal;

import java.io.IOException;

import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.WebAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/** An organization's public facts as its organizers or staff type them, and its logo. */
record OrganizationForm(
		@PlainText(max = 200, tooLong = "{staff.error.tooLong.200}", message = "{staff.error.control}") String city,
		@PlainText(max = 300, tooLong = "{staff.error.tooLong.300}",
				message = "{staff.error.control}") String missionEn,
		@PlainText(max = 300, tooLong = "{staff.error.tooLong.300}",
				message = "{staff.error.control}") String missionEs,
		@WebAddress(max = 300, tooLong = "{staff.error.tooLong.300}", message = "{staff.error.url}") String website,
		@Nullable MultipartFile logo, @Nullable Boolean removeLogo) {

	OrganizationForm {
		city = TypedText.line(city);
		missionEn = TypedText.line(missionEn);
		missionEs = TypedText.line(missionEs);
		website = TypedText.line(website);
	}

	static OrganizationForm of(OrganizationPage page) {
		return new OrganizationForm(text(page.city()), text(page.missionEn()), text(page.missionEs()),
				text(page.website()), null, null);
	}

	/** Whether the logo is to go (and no new one came). */
	boolean removing() {
		return Boolean.TRUE.equals(this.removeLogo);
	}

	OrganizationPages.Facts facts() {
		return new OrganizationPages.Facts(given(this.city), given(this.missionEn), given(this.missionEs),
				given(this.website));
	}

	/** The logo cleaned and resized; null for none or with an error. */
	byte @Nullable [] cleanLogo(Errors errors) throws IOException {
		if (this.logo == null || this.logo.isEmpty()) {
			return null;
		}
		try {
			if (this.logo.getSize() > Logos.MAX_BYTES) {
				throw new Logos.Rejected("coalitions.error.logo.size");
			}
			return Logos.clean(this.logo.getBytes());
		}
		catch (Logos.Rejected rejected) {
			errors.rejectValue("logo", rejected.key());
			return null;
		}
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static @Nullable String given(String value) {
		return value.isEmpty() ? null : value;
	}

}
