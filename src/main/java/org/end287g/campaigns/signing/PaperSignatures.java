package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.signing.SignatureRows.NewSignature;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.Supporters;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper signatures a leader enters, one or a whole checked file in one transaction:
 * stored as confirmed, recording who entered them, and counted at once.
 */
@Component
class PaperSignatures {

	private final SignatureRows rows;

	private final Supporters supporters;

	private final SignatureCounts counts;

	private final Clock clock;

	PaperSignatures(SignatureRows rows, Supporters supporters, SignatureCounts counts, ObjectProvider<Clock> clock) {
		this.rows = rows;
		this.supporters = supporters;
		this.counts = counts;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * One paper signature to store, with the line it came from (1 for a single entry).
	 */
	record Entry(int line, SignatureForm form) {
	}

	/** What a paper entry did: lines added and lines skipped as already signed. */
	record Result(int added, List<Integer> duplicates) {
	}

	/**
	 * Stores checked paper signatures as confirmed and counts them at once. Entries with
	 * an address already signed (online or on paper, or earlier in the same list) are
	 * skipped and reported.
	 */
	@Transactional
	public Result add(Campaign campaign, List<Entry> entries, String enteredBy, Locale language) {
		String lang = SignatureRows.language(language);
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		Set<String> seen = new HashSet<>();
		List<Integer> duplicates = new ArrayList<>();
		int added = 0;
		for (Entry entry : entries) {
			String email = entry.form().email().isEmpty() ? null : EmailAddresses.normalize(entry.form().email());
			String emailKey = (email != null) ? this.rows.emailKey(campaign.id(), email) : null;
			if ((emailKey != null && !seen.add(emailKey))
					|| !store(campaign, entry, email, emailKey, enteredBy, lang, now)) {
				duplicates.add(entry.line());
			}
			else {
				added++;
			}
		}
		if (added > 0) {
			this.counts.confirmed(campaign, added);
		}
		return new Result(added, duplicates);
	}

	/** Stores one entry; false when its address had signed already. */
	private boolean store(Campaign campaign, Entry entry, @Nullable String email, @Nullable String emailKey,
			String enteredBy, String language, OffsetDateTime now) {
		Long supporter = null;
		if (email != null) {
			supporter = this.supporters.register(SignatureRows.supporter(email, entry.form(), language));
			this.supporters.hold(supporter, SignatureRows.holder(campaign.id()));
		}
		return this.rows.insert(new NewSignature(campaign.id(), supporter, emailKey,
				(email != null) ? EmailAddresses.domain(email) : null, entry.form(), language, SignatureRows.PAPER,
				enteredBy, null, now, now, null)) != null;
	}

}
