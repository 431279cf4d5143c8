package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.partners.CampaignPartners;
import org.end287g.campaigns.signing.SignatureRows.Confirmation;
import org.end287g.campaigns.signing.SignatureRows.NewSignature;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.Supporters;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing online and confirming by the mailed link. A signature is written in a
 * transaction shared with whoever else signs at the same moment ({@link GroupCommit})
 * with few statements: supporters, holds and rows as JDBC batches, the confirmation mails
 * in the outbox. The limit per client address counts the signatures rows of the period,
 * under the lock of the address's row ({@link SigningAddresses}): batches written at the
 * same moment by several writers or instances count one address in turn, so the limit
 * holds exactly.
 */
@Component
class OnlineSigning {

	/** A repeat of an unconfirmed signature mails the link again at most this often. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(10);

	private final SignatureRows rows;

	private final SignatureConfirmationMail mail;

	private final Supporters supporters;

	private final SignatureCounts counts;

	private final SignatureSettings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final SigningAddresses addresses;

	private final GroupCommit<Signing, Signed> signing;

	private final CampaignPartners partners;

	OnlineSigning(SignatureRows rows, SignatureConfirmationMail mail, Supporters supporters, SignatureCounts counts,
			SignatureSettings settings, SigningAddresses addresses, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactions, CampaignPartners partners) {
		this.rows = rows;
		this.partners = partners;
		this.addresses = addresses;
		this.mail = mail;
		this.supporters = supporters;
		this.counts = counts;
		this.settings = settings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.transactions = new TransactionTemplate(transactions);
		this.signing = new GroupCommit<>("signing", settings.signingWriters(), 200, 10_000, this::signAll);
	}

	/** One online signature as the form gave it, checked. */
	record Signing(Campaign campaign, SignatureForm form, Locale language, String clientHash) {
	}

	/** What signing did: the same answer for new, repeated and confirmed signers. */
	enum Signed {

		/** Stored, or a repeat that changes nothing: the person checks their mail. */
		DONE,
		/** Too many signatures from this client address lately. */
		LIMITED

	}

	/**
	 * Signs online, in a transaction shared with whoever else is signing at the same
	 * moment (see {@link GroupCommit}); returns once that transaction has committed. A
	 * new signature is stored unconfirmed and its confirmation mailed; a repeat mails the
	 * link again when the last one is over ten minutes old and the signature is still
	 * unconfirmed, and does nothing else. The caller answers the same in every case.
	 * @throws GroupCommit.Busy when too many are waiting to be written
	 */
	Signed sign(Campaign campaign, SignatureForm form, Locale language, String clientHash) {
		return this.signing.submit(new Signing(campaign, form, language, clientHash), this.settings.signingTimeout());
	}

	/**
	 * Confirms the signature a token names, once: a second confirmation changes nothing.
	 * A token of another campaign, or of a signature since deleted, is invalid.
	 */
	@Transactional
	public Confirmation confirm(Campaign campaign, @Nullable String token) {
		Optional<Long> id = this.mail.signatureOf(token);
		if (id.isEmpty()) {
			return Confirmation.INVALID;
		}
		Confirmation confirmation = this.rows.confirm(campaign.id(), id.get(), now());
		if (confirmation == Confirmation.CONFIRMED) {
			this.counts.confirmed(campaign, 1);
		}
		return confirmation;
	}

	/** Writes a batch of signatures in one transaction. */
	private List<Signed> signAll(List<Signing> batch) {
		return this.transactions.execute((status) -> {
			List<Signed> results = limited(batch);
			List<Signing> accepted = IntStream.range(0, batch.size())
				.filter((i) -> results.get(i) == Signed.DONE)
				.mapToObj(batch::get)
				.toList();
			// one by one for a single signer, and when a batch failed and is retried item
			// by item (GroupCommit): the statements that can tell a race apart
			List<Signing> counting = (accepted.size() == 1) ? (signOne(accepted.get(0)) ? accepted : List.of())
					: signMany(accepted);
			count(counting);
			return results;
		});
	}

	/**
	 * Each signing's answer: LIMITED past the signatures one client address may give in
	 * the period, those of this batch included. An address at its limit already is
	 * refused on a read without a lock, so a flood from one address does not make this
	 * batch wait for the batches that hold it. The others are locked
	 * ({@link SigningAddresses}), and those whose lock existed already are counted again
	 * under it: no other batch stores signatures of theirs until this transaction ends.
	 */
	private List<Signed> limited(List<Signing> batch) {
		List<String> addresses = batch.stream().map(Signing::clientHash).distinct().sorted().toList();
		OffsetDateTime since = now().minus(this.settings.signaturesPerAddressPeriod());
		Map<String, Long> recent = this.rows.recentByAddress(addresses, since);
		List<String> open = addresses.stream()
			.filter((address) -> recent.getOrDefault(address, 0L) < this.settings.signaturesPerAddress())
			.toList();
		Set<String> created = this.addresses.lock(open);
		// another batch may have stored signatures of an address whose row existed since
		// the read: count those again, now under the lock
		List<String> existing = open.stream().filter((address) -> !created.contains(address)).toList();
		Map<String, Long> again = this.rows.recentByAddress(existing, since);
		existing.forEach((address) -> recent.put(address, again.getOrDefault(address, 0L)));
		Set<String> locked = new HashSet<>(open);
		List<Signed> results = new ArrayList<>(batch.size());
		for (Signing signing : batch) {
			boolean limited = !locked.contains(signing.clientHash())
					|| recent.merge(signing.clientHash(), 1L, Long::sum) > this.settings.signaturesPerAddress();
			results.add(limited ? Signed.LIMITED : Signed.DONE);
		}
		return results;
	}

	/** Counts the signatures that count at once (test mode), per campaign. */
	private void count(List<Signing> counting) {
		Map<Long, Campaign> campaigns = new LinkedHashMap<>();
		Map<Long, Integer> counted = new LinkedHashMap<>();
		for (Signing signing : counting) {
			campaigns.putIfAbsent(signing.campaign().id(), signing.campaign());
			counted.merge(signing.campaign().id(), 1, Integer::sum);
		}
		campaigns.forEach((id, campaign) -> this.counts.confirmed(campaign, counted.getOrDefault(id, 0)));
	}

	/**
	 * Stores many online signatures with a few statements each for the whole list
	 * (supporters, holds, signatures as JDBC batches); repeats take the one-by-one path.
	 * @return the signatures that count at once (test mode)
	 */
	private List<Signing> signMany(List<Signing> signings) {
		if (signings.isEmpty()) {
			return List.of();
		}
		List<String> emails = signings.stream().map((s) -> EmailAddresses.normalize(s.form().email())).toList();
		List<String> emailKeys = IntStream.range(0, signings.size())
			.mapToObj((i) -> this.rows.emailKey(signings.get(i).campaign().id(), emails.get(i)))
			.toList();
		List<Long> supporterIds = registerAll(signings, emails);
		OffsetDateTime now = now();
		List<NewSignature> newRows = IntStream.range(0, signings.size())
			.mapToObj((i) -> newRow(signings.get(i), supporterIds.get(i), emailKeys.get(i), emails.get(i), now))
			.toList();
		boolean[] added = this.rows.insertAll(newRows);
		boolean atOnce = this.settings.confirmWithoutMail();
		List<Signing> counting = new ArrayList<>();
		// the new signatures that need their id: to be mailed, or shared with partners
		Map<Long, List<Integer>> fresh = new LinkedHashMap<>();
		for (int i = 0; i < signings.size(); i++) {
			Signing signing = signings.get(i);
			if (!added[i]) {
				// a repeat (or the same person twice in this batch)
				if (!atOnce) {
					repeated(signing, emailKeys.get(i), emails.get(i), now);
				}
				continue;
			}
			if (atOnce) {
				counting.add(signing);
			}
			if (!atOnce || !signing.form().sharedWith().isEmpty()) {
				fresh.computeIfAbsent(signing.campaign().id(), (id) -> new ArrayList<>()).add(i);
			}
		}
		// their ids in one query per campaign, their mails and shares in one statement
		// each
		List<SignatureConfirmationMail.Confirmation> confirmations = new ArrayList<>();
		List<long[]> consents = new ArrayList<>();
		fresh.forEach((campaignId, indexes) -> {
			Map<String, Long> ids = this.rows.idsOf(campaignId, indexes.stream().map(emailKeys::get).toList());
			for (int i : indexes) {
				Signing signing = signings.get(i);
				long id = Objects.requireNonNull(ids.get(emailKeys.get(i)), "a signature just inserted");
				if (!atOnce) {
					confirmations.add(new SignatureConfirmationMail.Confirmation(signing.campaign(), id, emails.get(i),
							signing.form().firstName(), language(signing)));
				}
				if (!signing.form().sharedWith().isEmpty()) {
					consents(signing, id, consents);
				}
			}
		});
		this.mail.sendAll(confirmations);
		this.partners.share(consents, now);
		return counting;
	}

	/** Registers the signers as supporters and holds them for their campaigns. */
	private List<Long> registerAll(List<Signing> signings, List<String> emails) {
		List<Long> supporterIds = this.supporters.registerAll(IntStream.range(0, signings.size())
			.mapToObj((i) -> SignatureRows.supporter(emails.get(i), signings.get(i).form(), language(signings.get(i))))
			.toList());
		Map<Long, List<Long>> holds = new LinkedHashMap<>();
		for (int i = 0; i < signings.size(); i++) {
			holds.computeIfAbsent(signings.get(i).campaign().id(), (id) -> new ArrayList<>()).add(supporterIds.get(i));
		}
		holds.forEach((campaignId, ids) -> this.supporters.holdAll(ids, SignatureRows.holder(campaignId)));
		return supporterIds;
	}

	/**
	 * Stores one online signature; true when it was new and counts at once (test mode).
	 */
	private boolean signOne(Signing signing) {
		String email = EmailAddresses.normalize(signing.form().email());
		long supporter = this.supporters.register(SignatureRows.supporter(email, signing.form(), language(signing)));
		this.supporters.hold(supporter, SignatureRows.holder(signing.campaign().id()));
		OffsetDateTime now = now();
		boolean atOnce = this.settings.confirmWithoutMail();
		String emailKey = this.rows.emailKey(signing.campaign().id(), email);
		NewSignature row = newRow(signing, supporter, emailKey, email, now);
		Long id = this.rows.insert(row);
		if (id != null) {
			if (!signing.form().sharedWith().isEmpty()) {
				List<long[]> consents = new ArrayList<>();
				consents(signing, id, consents);
				this.partners.share(consents, now);
			}
			if (!atOnce) {
				mailConfirmation(signing, id, email);
			}
			return atOnce;
		}
		if (!atOnce) {
			repeated(signing, emailKey, email, now);
		}
		return false;
	}

	/**
	 * The row of an online signature: confirmed at once in test mode, else mailed now.
	 */
	private NewSignature newRow(Signing signing, long supporterId, String emailKey, String email, OffsetDateTime now) {
		boolean atOnce = this.settings.confirmWithoutMail();
		return new NewSignature(signing.campaign().id(), supporterId, emailKey, EmailAddresses.domain(email),
				signing.form(), language(signing), SignatureRows.ONLINE, null, signing.clientHash(), now,
				atOnce ? now : null, atOnce ? null : now);
	}

	/**
	 * A repeat of a signature: the link again, at most once per {@link #RESEND_AFTER},
	 * only while unconfirmed.
	 */
	private void repeated(Signing signing, String emailKey, String email, OffsetDateTime now) {
		this.rows.claimResend(signing.campaign().id(), emailKey, now, now.minus(RESEND_AFTER))
			.ifPresent((id) -> mailConfirmation(signing, id, email));
	}

	/**
	 * The consents a new signature gives: the ticked boxes of the campaign's partners
	 * (read only when a box was ticked; any other id is no consent).
	 */
	private void consents(Signing signing, long signatureId, List<long[]> consents) {
		Set<Long> partners = this.partners.idsOf(signing.campaign().id());
		for (long organization : signing.form().sharedWith()) {
			if (partners.contains(organization)) {
				consents.add(new long[] { signatureId, organization });
			}
		}
	}

	private void mailConfirmation(Signing signing, long id, String email) {
		this.mail.send(signing.campaign(), id, email, signing.form().firstName(), language(signing));
	}

	private static String language(Signing signing) {
		return SignatureRows.language(signing.language());
	}

	@PreDestroy
	void stop() {
		this.signing.stop();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
