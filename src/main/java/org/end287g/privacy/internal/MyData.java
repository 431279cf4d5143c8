package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCodeRequested;
import org.end287g.privacy.PersonalDataCodeRequested.Purpose;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.PersonalDataLinkRequested;
import org.end287g.privacy.RateLimits;
import org.end287g.privacy.internal.MyDataCodes.Outcome;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My data": everything every {@link PersonalDataHolder} keeps about one e-mail address,
 * reached through a signed link that names the address only by its blind index. The link
 * shows; downloading and deleting also take a code mailed to the address at that moment
 * ({@link MyDataCodes}), so a forwarded or leaked link alone does neither.
 */
@Component
class MyData {

	/** How much of the blind index the audit log keeps: enough to tell entries apart. */
	private static final int AUDIT_PREFIX = 8;

	private final List<PersonalDataHolder> holders;

	private final MyDataLinks links;

	private final BlindIndex index;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MyDataCodes codes;

	private final RateLimits rateLimits;

	private final Clock clock;

	MyData(ObjectProvider<PersonalDataHolder> holders, MyDataLinks links, BlindIndex index, AuditLog audit,
			ApplicationEventPublisher events, MyDataCodes codes, RateLimits rateLimits, ObjectProvider<Clock> clock) {
		this.holders = holders.orderedStream().toList();
		this.links = links;
		this.index = index;
		this.audit = audit;
		this.events = events;
		this.codes = codes;
		this.rateLimits = rateLimits;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The blind index a genuine, unexpired "my data" token names. */
	Optional<String> emailIndex(String token) {
		return this.links.emailIndex(token);
	}

	/** The address of the page of the person with this e-mail index. */
	String link(String emailIndex) {
		return this.links.link(emailIndex);
	}

	/** How long a link works. */
	Duration linkValidity() {
		return this.links.validity();
	}

	/** How long a confirmation code works. */
	Duration codeValidity() {
		return this.codes.validity();
	}

	/**
	 * The address held for the person (the first holder that keeps one), where codes are
	 * sent.
	 */
	@Transactional(readOnly = true)
	Optional<String> address(String emailIndex) {
		for (PersonalDataHolder holder : this.holders) {
			Optional<String> address = holder.address(emailIndex)
				.filter((email) -> this.index.ofEmail(email).equals(emailIndex));
			if (address.isPresent()) {
				return address;
			}
		}
		return Optional.empty();
	}

	/**
	 * Mails a new code for this purpose to the address held for the person, limited per
	 * client address and per e-mail address; false when no address is held (nothing to
	 * download or delete).
	 * @throws org.end287g.privacy.RateLimitExceededException when too many codes were
	 * asked for lately
	 */
	@Transactional
	boolean sendCode(String emailIndex, Purpose purpose, Locale language, String clientAddress) {
		Optional<String> address = address(emailIndex);
		this.rateLimits.check("my-data-code", clientAddress, address.orElse(null));
		if (address.isEmpty()) {
			return false;
		}
		String code = this.codes.issue(emailIndex, purpose);
		this.events
			.publishEvent(new PersonalDataCodeRequested(address.get(), language, purpose, code, this.codes.validity()));
		return true;
	}

	/** What a download with a code gave: the data only when the code was accepted. */
	record Download(Outcome outcome, @Nullable Map<String, Object> data) {
	}

	/** The download, when the code for it is right; the code is used up by it. */
	@Transactional
	Download export(String emailIndex, @Nullable String code) {
		Outcome outcome = this.codes.use(emailIndex, Purpose.EXPORT, code);
		return new Download(outcome, (outcome != Outcome.ACCEPTED) ? null : export(emailIndex));
	}

	/**
	 * Forgets the person when the code for it is right, all or nothing: a failing holder
	 * leaves the code unused.
	 */
	@Transactional
	Outcome forget(String emailIndex, @Nullable String code) {
		Outcome outcome = this.codes.use(emailIndex, Purpose.DELETE, code);
		if (outcome == Outcome.ACCEPTED) {
			forget(emailIndex);
		}
		return outcome;
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
			this.events.publishEvent(new PersonalDataLinkRequested(normalized, language, link(emailIndex)));
		}
	}

	private static String auditSubject(String emailIndex) {
		return (emailIndex == null || emailIndex.length() < AUDIT_PREFIX) ? "-" : emailIndex.substring(0, AUDIT_PREFIX);
	}

}
