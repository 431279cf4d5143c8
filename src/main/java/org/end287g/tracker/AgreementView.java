package org.end287g.tracker;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One agreement (an agency and a support model) with its current status. */
public record AgreementView(AgencyView agency, String model, @Nullable LocalDate signed, String status,
		LocalDate firstListed, LocalDate lastListed, @Nullable String moaUrl, @Nullable String addendumUrl) {

	public boolean listed() {
		return !"REMOVED".equals(this.status);
	}

	/**
	 * The MOA address when it is a web link (never a javascript: or data: one), else
	 * null.
	 */
	public @Nullable String moaLink() {
		return webLink(this.moaUrl);
	}

	/** The addendum address when it is a web link, else null. */
	public @Nullable String addendumLink() {
		return webLink(this.addendumUrl);
	}

	private static @Nullable String webLink(@Nullable String url) {
		return (url != null && (url.startsWith("https://") || url.startsWith("http://"))) ? url : null;
	}

}
