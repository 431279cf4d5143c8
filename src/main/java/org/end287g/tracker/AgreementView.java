package org.end287g.tracker;

import java.time.LocalDate;

/** One agreement (an agency and a support model) with its current status. */
public record AgreementView(AgencyView agency, String model, LocalDate signed, String status, LocalDate firstListed,
		LocalDate lastListed, String moaUrl, String addendumUrl) {

	public boolean listed() {
		return !"REMOVED".equals(this.status);
	}

	/**
	 * The MOA address when it is a web link (never a javascript: or data: one), else
	 * null.
	 */
	public String moaLink() {
		return webLink(this.moaUrl);
	}

	/** The addendum address when it is a web link, else null. */
	public String addendumLink() {
		return webLink(this.addendumUrl);
	}

	private static String webLink(String url) {
		return (url != null && (url.startsWith("https://") || url.startsWith("http://"))) ? url : null;
	}

}
