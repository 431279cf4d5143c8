package org.end287g.coalitions.internal;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What an organization shows publicly: its name (accounts'), and what its organizers or
 * staff wrote; every written field may be {@code null}.
 *
 * @param verifiedHow {@code DOMAIN} (an organizer confirmed from an address at the
 * website's domain) or {@code STAFF}, {@code null} while not verified
 */
record OrganizationPage(long id, String name, @Nullable String city, @Nullable String missionEn,
		@Nullable String missionEs, @Nullable String website, boolean logo, @Nullable OffsetDateTime updatedAt,
		@Nullable OffsetDateTime verifiedAt, @Nullable String verifiedHow) {

	public String slug() {
		return Slugs.organization(this.id, this.name);
	}

	public boolean verified() {
		return this.verifiedAt != null;
	}

	/** The mission in the page's language, else in the other one. */
	public @Nullable String mission(Locale locale) {
		String es = this.missionEs;
		String en = this.missionEn;
		return ("es".equals(locale.getLanguage()) && es != null) ? es : ((en != null) ? en : es);
	}

	/**
	 * The logo's address, which changes with every edit so a cached logo never lingers.
	 */
	public @Nullable String logoPath() {
		OffsetDateTime version = this.updatedAt;
		return (this.logo && version != null)
				? "/organisations/" + slug() + "/logo.png?v=" + version.toInstant().getEpochSecond() : null;
	}

	/** The website's domain without {@code www.}, or {@code null}. */
	public @Nullable String domain() {
		return domainOf(this.website);
	}

	static @Nullable String domainOf(@Nullable String website) {
		if (website == null) {
			return null;
		}
		try {
			String host = URI.create(website).getHost();
			if (host == null) {
				return null;
			}
			host = host.toLowerCase(Locale.ROOT);
			return host.startsWith("www.") ? host.substring(4) : host;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
