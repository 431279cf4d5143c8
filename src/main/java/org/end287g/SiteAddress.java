package org.end287g;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's public address, which absolute links start with (in e-mails, calendars,
 * share cards, printed materials). Most modules build such links, privacy and
 * notifications included, which the site module itself depends on; so this lives beside
 * the application, outside every module, where any of them may use it without a cycle.
 *
 * @param baseUrl the site's public address as people reach it, such as
 * {@code https://end287g.org} (behind a load balancer: the public https address); a
 * trailing slash is dropped
 */
@ConfigurationProperties("end287g.site")
public record SiteAddress(@DefaultValue("http://localhost:8080") String baseUrl) {

	public SiteAddress {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * The absolute address of a path of the site.
	 * @param path the path, starting with a slash ({@code /campaigns/wake})
	 */
	public String link(String path) {
		return this.baseUrl + path;
	}

}
