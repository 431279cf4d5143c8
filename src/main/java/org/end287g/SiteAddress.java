package org.end287g;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's public address, which absolute links start with (in e-mails, calendars,
 * share cards, printed materials) and passkeys are bound to. Most modules build such
 * links, privacy and notifications included, which the site module itself depends on; so
 * this lives beside the application, outside every module, where any of them may use it
 * without a cycle.
 *
 * @param baseUrl the site's public address as people reach it, such as
 * {@code https://end287g.org} (behind a load balancer: the public https address); a
 * trailing slash is dropped. Unset, it follows {@code server.port}:
 * {@code http://localhost:} and the port (application.properties), so a site started on
 * another port mails links that work
 */
@ConfigurationProperties("end287g.site")
public record SiteAddress(@DefaultValue("http://localhost:8080") String baseUrl) {

	public SiteAddress {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		URI address = URI.create(baseUrl);
		if (address.getScheme() == null || address.getHost() == null) {
			throw new IllegalArgumentException(
					"end287g.site.base-url must be an absolute http(s) address, such as https://end287g.org");
		}
	}

	/**
	 * The absolute address of a path of the site.
	 * @param path the path, starting with a slash ({@code /campaigns/wake})
	 */
	public String link(String path) {
		return this.baseUrl + path;
	}

	/**
	 * The host name people reach the site at ({@code end287g.org}, {@code localhost}).
	 */
	public String host() {
		return Objects.requireNonNull(URI.create(this.baseUrl).getHost());
	}

	/**
	 * The origin pages are served from, as browsers name it: scheme, host and port, if
	 * any ({@code http://localhost:8080}).
	 */
	public String origin() {
		URI address = URI.create(this.baseUrl);
		return address.getScheme() + "://" + address.getRawAuthority().replaceFirst("^.*@", "");
	}

}
