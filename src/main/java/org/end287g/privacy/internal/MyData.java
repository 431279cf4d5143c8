package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.PersonalDataLinkRequested;
import org.end287g.privacy.SignedLinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "My data": everything every {@link PersonalDataHolder} keeps about one e-mail address,
 * reached through a signed link that names the address only by its blind index.
 */
@Component
class MyData {

	static final String PURPOSE = "my-data";

	static final Duration LINK_VALIDITY = Duration.ofDays(30);

	/** How much of the blind index the audit log keeps: enough to tell entries apart. */
	private static final int AUDIT_PREFIX = 8;

	private final List<PersonalDataHolder> holders;

	private final SignedLinks links;

	private final BlindIndex index;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final SiteAddress site;

	private final Clock clock;

	MyData(ObjectProvider<PersonalDataHolder> holders, SignedLinks links, BlindIndex index, AuditLog audit,
			ApplicationEventPublisher events, SiteAddress site, ObjectProvider<Clock> clock) {
		this.holders = holders.orderedStream().toList();
		this.links = links;
		this.index = index;
		this.audit = audit;
		this.events = events;
		this.site = site;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The blind index a genuine, unexpired "my data" token names. */
	Optional<String> emailIndex(String token) {
		return this.links.verify(PURPOSE, token);
	}

	/** The address of the "my data" page of an e-mail address, valid for 30 days. */
	String link(String email) {
		String token = this.links.sign(PURPOSE, this.index.ofEmail(email), LINK_VALIDITY);
		return UriComponentsBuilder.fromUriString(this.site.baseUrl())
			.path("/my-data/{token}")
			.buildAndExpand(token)
			.encode()
			.toUriString();
	}

	/** Every holder's section, in order, with what it keeps (empty when nothing). */
	@Transactional(readOnly = true)
	Map<String, Map<String, Object>> describe(String emailIndex) {
		Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
		for (PersonalDataHolder holder : this.holders) {
			sections.put(holder.section(), holder.describe(emailIndex));
		}
		return sections;
	}

	/** What the JSON download holds; the download is written to the audit log. */
	@Transactional
	Map<String, Object> export(String emailIndex) {
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", this.clock.instant().toString());
		export.put("sections", describe(emailIndex));
		this.audit.record("supporter", "personal-data.export", auditSubject(emailIndex), null);
		return export;
	}

	/**
	 * Every holder forgets the person, all or nothing; harmless when nothing is held any
	 * more.
	 */
	@Transactional
	void forget(String emailIndex) {
		for (PersonalDataHolder holder : this.holders) {
			holder.forget(emailIndex);
		}
		this.audit.record("supporter", "personal-data.delete", auditSubject(emailIndex), null);
	}

	/**
	 * Announces a link for the address when something is held about it; says nothing
	 * either way, so the form cannot tell who is known.
	 */
	@Transactional
	void requestLink(String email, Locale language) {
		String normalized = EmailAddresses.normalize(email);
		String emailIndex = this.index.ofEmail(normalized);
		boolean held = describe(emailIndex).values().stream().anyMatch((section) -> !section.isEmpty());
		if (held) {
			this.events.publishEvent(new PersonalDataLinkRequested(normalized, language, link(normalized)));
		}
	}

	private static String auditSubject(String emailIndex) {
		return (emailIndex == null || emailIndex.length() < AUDIT_PREFIX) ? "-" : emailIndex.substring(0, AUDIT_PREFIX);
	}

}
