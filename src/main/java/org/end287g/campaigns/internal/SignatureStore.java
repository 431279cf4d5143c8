package org.end287g.campaigns.internal;

import jakarta.annotation.PreDestroy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import org.end287g.campaigns.Campaign;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SignedLinks;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every write of a signature, each in one transaction with few statements: the online
 * signature (supporter, hold, row, confirmation mail), its confirmation, and paper
 * signatures. One signature per person and petition rests on the unique
 * {@code (campaign_id, email_key)}: double clicks and concurrent repeats insert one row.
 */
@Component
class SignatureStore {

	static final String CONFIRM = "signature-confirm";

	static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);

	/** A repeat of an unconfirmed signature mails the link again at most this often. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(10);

	static final String ONLINE = "ONLINE", PAPER = "PAPER";

	private static final String INSERT = """
			insert into signatures (campaign_id, supporter_id, email_key, email_domain_index, first_name_sealed,
				last_name_sealed, zip_sealed, comment_sealed, city, language, source, entered_by, show_publicly,
				campaign_updates, organization_news, client_hash, created_at, confirmed_at, confirm_mailed_at, referral)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Supporters supporters;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final SignedLinks links;

	private final Outbox outbox;

	private final SignatureCounts counts;

	private final CampaignGoal goal;

	private final SignatureWall wall;

	private final SignatureSettings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final GroupCommit<Signing, Signed> signing;

	SignatureStore(JdbcClient jdbc, JdbcTemplate template, Supporters supporters, PersonalDataCipher cipher,
			BlindIndex index, SignedLinks links, Outbox outbox, SignatureCounts counts, CampaignGoal goal,
			SignatureWall wall, SignatureSettings settings, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.supporters = supporters;
		this.cipher = cipher;
		this.index = index;
		this.links = links;
		this.outbox = outbox;
		this.counts = counts;
		this.goal = goal;
		this.wall = wall;
		this.settings = settings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.transactions = new TransactionTemplate(transactions);
		this.signing = new GroupCommit<>("signing", settings.signingWriters(), 200, 10_000, this::signAll);
	}

	/** The key of one person's signature: the blind index of the address's identity. */
	String emailKey(String email) {
		return this.index.ofEmail(EmailAddresses.identity(email));
	}

	/** One online signature as the form gave it, checked. */
	record Signing(Campaign campaign, SignatureForm form, String city, Locale language, String clientHash) {
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
	Signed sign(Campaign campaign, SignatureForm form, String city, Locale language, String clientHash) {
		return this.signing.submit(new Signing(campaign, form, city, language, clientHash),
				this.settings.signingTimeout());
	}

	/**
	 * Writes a batch of signatures in one transaction. The limit per client address
	 * counts the signatures rows of the period, so signing needs no rate-limit row of its
	 * own.
	 */
	private List<Signed> signAll(List<Signing> batch) {
		return this.transactions.execute((status) -> {
			Map<String, Long> recent = recentByAddress(batch);
			List<Signed> results = new ArrayList<>(batch.size());
			List<Signing> accepted = new ArrayList<>(batch.size());
			for (Signing signing : batch) {
				boolean limited = signing.clientHash() != null
						&& recent.merge(signing.clientHash(), 1L, Long::sum) > this.settings.signaturesPerAddress();
				results.add(limited ? Signed.LIMITED : Signed.DONE);
				if (!limited) {
					accepted.add(signing);
				}
			}
			Map<Long, Campaign> campaigns = new LinkedHashMap<>();
			Map<Long, Integer> counted = new LinkedHashMap<>();
			// one by one for a single signer, and when a batch failed and is retried item
			// by
			// item (GroupCommit): the statements that can tell a race apart
			List<Signing> counting = (accepted.size() == 1) ? (signOne(accepted.get(0)) ? accepted : List.of())
					: signMany(accepted);
			for (Signing signing : counting) {
				campaigns.putIfAbsent(signing.campaign().id(), signing.campaign());
				counted.merge(signing.campaign().id(), 1, Integer::sum);
			}
			counted.forEach((id, n) -> counted(campaigns.get(id), n));
			return results;
		});
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
		List<Long> supporterIds = this.supporters.registerAll(IntStream.range(0, signings.size())
			.mapToObj((i) -> supporter(emails.get(i), signings.get(i).form(), language(signings.get(i).language())))
			.toList());
		Map<Long, List<Long>> holds = new LinkedHashMap<>();
		for (int i = 0; i < signings.size(); i++) {
			holds.computeIfAbsent(signings.get(i).campaign().id(), (id) -> new ArrayList<>()).add(supporterIds.get(i));
		}
		holds.forEach((campaignId, ids) -> this.supporters.holdAll(ids, "campaign:" + campaignId));
		OffsetDateTime now = now();
		boolean atOnce = this.settings.confirmWithoutMail();
		List<String> keys = emails.stream().map(this::emailKey).toList();
		int[][] inserted = this.template.batchUpdate(INSERT, IntStream.range(0, signings.size()).boxed().toList(),
				signings.size(), (statement, i) -> {
					Signing signing = signings.get(i);
					Object[] values = row(signing.campaign().id(), supporterIds.get(i), keys.get(i),
							EmailAddresses.domain(emails.get(i)), signing.form(), signing.city(),
							language(signing.language()), ONLINE, null, signing.clientHash(), now, atOnce ? now : null,
							atOnce ? null : now);
					for (int v = 0; v < values.length; v++) {
						statement.setObject(v + 1, values[v]);
					}
				});
		List<Signing> counting = new ArrayList<>();
		for (int i = 0; i < signings.size(); i++) {
			Signing signing = signings.get(i);
			if (inserted[0][i] == 0) {
				// a repeat (or the same person twice in this batch)
				if (!atOnce) {
					repeated(signing.campaign(), keys.get(i), emails.get(i), signing.form().firstName(),
							language(signing.language()), now);
				}
			}
			else if (atOnce) {
				counting.add(signing);
			}
			else {
				long id = this.jdbc.sql("select id from signatures where campaign_id = ? and email_key = ?")
					.params(signing.campaign().id(), keys.get(i))
					.query(Long.class)
					.single();
				mailConfirmation(signing.campaign(), id, emails.get(i), signing.form().firstName(),
						language(signing.language()));
			}
		}
		return counting;
	}

	/** Signatures per client address within the period, before this batch. */
	private Map<String, Long> recentByAddress(List<Signing> batch) {
		List<String> addresses = batch.stream().map(Signing::clientHash).filter(Objects::nonNull).distinct().toList();
		Map<String, Long> recent = new HashMap<>();
		if (addresses.isEmpty()) {
			return recent;
		}
		List<Object> params = new ArrayList<>(addresses);
		params.add(now().minus(this.settings.signaturesPerAddressPeriod()));
		this.jdbc
			.sql("select client_hash, count(*) from signatures where client_hash in ("
					+ String.join(", ", Collections.nCopies(addresses.size(), "?")) + ") and created_at > ? "
					+ "group by client_hash")
			.params(params)
			.query((rs) -> {
				recent.put(rs.getString(1), rs.getLong(2));
			});
		return recent;
	}

	/**
	 * Stores one online signature; true when it was new and counts at once (test mode).
	 */
	private boolean signOne(Signing signing) {
		Campaign campaign = signing.campaign();
		SignatureForm form = signing.form();
		String email = EmailAddresses.normalize(form.email());
		String lang = language(signing.language());
		long supporter = this.supporters.register(supporter(email, form, lang));
		this.supporters.hold(supporter, "campaign:" + campaign.id());
		OffsetDateTime now = now();
		boolean atOnce = this.settings.confirmWithoutMail();
		String emailKey = emailKey(email);
		Long id = insert(campaign.id(), supporter, emailKey, EmailAddresses.domain(email), form, signing.city(), lang,
				ONLINE, null, signing.clientHash(), now, atOnce ? now : null, atOnce ? null : now);
		if (id != null) {
			if (!atOnce) {
				mailConfirmation(campaign, id, email, form.firstName(), lang);
			}
			return atOnce;
		}
		if (!atOnce) {
			repeated(campaign, emailKey, email, form.firstName(), lang, now);
		}
		return false;
	}

	/**
	 * A repeat of a signature: the link again, at most once per {@link #RESEND_AFTER},
	 * only while unconfirmed.
	 */
	private void repeated(Campaign campaign, String emailKey, String email, String firstName, String language,
			OffsetDateTime now) {
		Optional<Long> existing = this.jdbc
			.sql("select id from signatures where campaign_id = ? and email_key = ? and confirmed_at is null")
			.params(campaign.id(), emailKey)
			.query(Long.class)
			.optional();
		if (existing.isPresent() && this.jdbc.sql("""
				update signatures set confirm_mailed_at = ? where id = ? and confirmed_at is null
				and (confirm_mailed_at is null or confirm_mailed_at < ?)""")
			.params(now, existing.get(), now.minus(RESEND_AFTER))
			.update() == 1) {
			mailConfirmation(campaign, existing.get(), email, firstName, language);
		}
	}

	@PreDestroy
	void stop() {
		this.signing.stop();
	}

	/** What a confirmation link did. */
	enum Confirmation {

		CONFIRMED, ALREADY, INVALID

	}

	/** The signature id a genuine, unexpired confirmation token names. */
	Optional<Long> signatureOf(String token) {
		return this.links.verify(CONFIRM, token).flatMap((payload) -> {
			try {
				return Optional.of(Long.parseLong(payload));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

	/**
	 * Confirms the signature a token names, once: a second confirmation changes nothing.
	 * A token of another campaign, or of a signature since deleted, is invalid.
	 */
	@Transactional
	public Confirmation confirm(Campaign campaign, String token) {
		Optional<Long> id = signatureOf(token);
		if (id.isEmpty()) {
			return Confirmation.INVALID;
		}
		Optional<Map<String, Object>> row = this.jdbc
			.sql("select campaign_id, confirmed_at, anonymized_at from signatures where id = ?")
			.param(id.get())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (row.isEmpty() || ((Number) row.get().get("campaign_id")).longValue() != campaign.id()
				|| row.get().get("anonymized_at") != null) {
			return Confirmation.INVALID;
		}
		int confirmed = this.jdbc.sql("update signatures set confirmed_at = ? where id = ? and confirmed_at is null")
			.params(now(), id.get())
			.update();
		if (confirmed == 0) {
			return Confirmation.ALREADY;
		}
		counted(campaign, 1);
		return Confirmation.CONFIRMED;
	}

	/**
	 * One paper signature to store, with the line it came from (1 for a single entry).
	 */
	record PaperEntry(int line, SignatureForm form, String city) {
	}

	/** What a paper entry did: lines added and lines skipped as already signed. */
	record PaperResult(int added, List<Integer> duplicates) {
	}

	/**
	 * Stores checked paper signatures as confirmed and counts them at once. Entries with
	 * an address already signed (online or on paper, or earlier in the same list) are
	 * skipped and reported.
	 */
	@Transactional
	public PaperResult paper(Campaign campaign, List<PaperEntry> entries, String enteredBy, Locale language) {
		String lang = language(language);
		OffsetDateTime now = now();
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<Integer> duplicates = new java.util.ArrayList<>();
		int added = 0;
		for (PaperEntry entry : entries) {
			SignatureForm form = entry.form();
			String email = form.email().isEmpty() ? null : EmailAddresses.normalize(form.email());
			String emailKey = (email != null) ? emailKey(email) : null;
			if (emailKey != null && seen.putIfAbsent(emailKey, entry.line()) != null) {
				duplicates.add(entry.line());
				continue;
			}
			Long supporter = null;
			if (email != null) {
				supporter = this.supporters.register(supporter(email, form, lang));
				this.supporters.hold(supporter, "campaign:" + campaign.id());
			}
			Long id = insert(campaign.id(), supporter, emailKey, (email != null) ? EmailAddresses.domain(email) : null,
					form, entry.city(), lang, PAPER, enteredBy, null, now, now, null);
			if (id == null) {
				duplicates.add(entry.line());
			}
			else {
				added++;
			}
		}
		if (added > 0) {
			counted(campaign, added);
		}
		return new PaperResult(added, duplicates);
	}

	private void counted(Campaign campaign, int n) {
		this.counts.add(campaign.id(), n);
		this.wall.forget(campaign.id());
		this.goal.check(campaign);
	}

	/** The new row's id, or {@code null} when the person had signed already. */
	private Long insert(long campaignId, Long supporter, String emailKey, String domain, SignatureForm form,
			String city, String language, String source, String enteredBy, String clientHash, OffsetDateTime now,
			OffsetDateTime confirmedAt, OffsetDateTime mailedAt) {
		KeyHolder key = new GeneratedKeyHolder();
		int inserted;
		try {
			inserted = this.jdbc.sql(INSERT)
				.params(row(campaignId, supporter, emailKey, domain, form, city, language, source, enteredBy,
						clientHash, now, confirmedAt, mailedAt))
				.update(key, "id");
		}
		catch (DuplicateKeyException raced) {
			// H2 reports a concurrent insert of the same key instead of skipping it
			return null;
		}
		return (inserted == 1) ? key.getKeyAs(Number.class).longValue() : null;
	}

	/** The values of {@link #INSERT}, sealed where personal. */
	private Object[] row(long campaignId, Long supporter, String emailKey, String domain, SignatureForm form,
			String city, String language, String source, String enteredBy, String clientHash, OffsetDateTime now,
			OffsetDateTime confirmedAt, OffsetDateTime mailedAt) {
		return new Object[] { campaignId, supporter, emailKey,
				(domain != null) ? this.index.of(SignatureChecks.DOMAIN_KIND, domain) : null,
				seal(form.firstName(), "first_name"), seal(form.lastName(), "last_name"), seal(form.zip(), "zip"),
				seal(form.storedComment(), "comment"), city, language, source, enteredBy, form.showsName(),
				form.wantsUpdates(), form.wantsNews(), clientHash, now, confirmedAt, mailedAt, form.referral() };
	}

	/** What a signer tells about themselves, for {@link Supporters}. */
	private static SupporterDetails supporter(String email, SignatureForm form, String language) {
		return new SupporterDetails(email, form.firstName() + " " + form.lastName(), form.zip(), null,
				Locale.forLanguageTag(language));
	}

	private void mailConfirmation(Campaign campaign, long id, String email, String firstName, String language) {
		String token = this.links.sign(CONFIRM, Long.toString(id), CONFIRM_VALIDITY);
		String link = UriComponentsBuilder.fromUriString(this.settings.baseUrl())
			.path("/campaigns/{slug}/confirm")
			.queryParam("token", "{token}")
			.buildAndExpand(campaign.slug(), token)
			.encode()
			.toUriString();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("firstName", firstName);
		model.put("campaign", campaign.title());
		model.put("link", link);
		model.put("days", CONFIRM_VALIDITY.toDays());
		model.put("subjectArgs", List.of(campaign.title()));
		this.outbox.enqueue(Mail.transactional(email, Locale.forLanguageTag(language), "signature-confirm", model));
	}

	byte[] seal(String value, String column) {
		return this.cipher.seal(value, "signatures." + column);
	}

	String open(byte[] sealed, String column) {
		return this.cipher.open(sealed, "signatures." + column);
	}

	static String language(Locale language) {
		return (language != null && "es".equals(language.getLanguage())) ? "es" : "en";
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
