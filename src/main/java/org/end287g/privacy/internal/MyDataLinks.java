package org.end287g.privacy.internal;

import java.time.Duration;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.privacy.PersonalDataLinks;
import org.end287g.privacy.SignedLinks;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signs and checks the links to "my data" pages: the blind index of the address, for
 * {@code end287g.privacy.link-validity}.
 */
@Component
class MyDataLinks implements PersonalDataLinks {

	/**
	 * The purpose links are signed for. Links signed before downloads and deletions
	 * needed a code (purpose "my-data", 30 days) no longer open anything.
	 */
	static final String PURPOSE = "my-data-link";

	private final SignedLinks links;

	private final SiteAddress site;

	private final Duration validity;

	MyDataLinks(SignedLinks links, SiteAddress site, PrivacyProperties properties) {
		this.links = links;
		this.site = site;
		this.validity = properties.linkValidity();
	}

	@Override
	public String link(String emailIndex) {
		String token = this.links.sign(PURPOSE, emailIndex, this.validity);
		return UriComponentsBuilder.fromUriString(this.site.baseUrl())
			.path("/my-data/{token}")
			.buildAndExpand(token)
			.encode()
			.toUriString();
	}

	@Override
	public Duration validity() {
		return this.validity;
	}

	/** The blind index a genuine, unexpired link token names. */
	Optional<String> emailIndex(String token) {
		return this.links.verify(PURPOSE, token);
	}

}
