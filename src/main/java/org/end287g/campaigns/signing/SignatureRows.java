package org.end287g.campaigns.signing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The statements that write signature rows, and the reads writing needs: one signature or
 * a batch of them, sealed per column; the signatures of a client address lately; a
 * repeat's new confirmation mail; the confirmation. One signature per person and petition
 * rests on the unique {@code (campaign_id, email_key)}: double clicks and concurrent
 * repeats insert one row. Every method joins the caller's transaction.
 */
@Component
class SignatureRows {

	static final String ONLINE = "ONLINE";

	static final String PAPER = "PAPER";

	/**
	 * The context of the supporter's id, sealed so that staff can write to subscribers.
	 */
	static final String SUPPORTER = "signatures.supporter";

	private static final String INSERT = """
			insert into signatures (campaign_id, supporter_key, supporter_sealed, email_key, email_domain_index,
				first_name_sealed, last_name_sealed, zip_sealed, comment_sealed, language, source, entered_by,
				show_publicly, campaign_updates, organization_news, client_hash, created_at, confirmed_at,
				confirm_mailed_at, referral)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final Supporters supporters;

	SignatureRows(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, BlindIndex index,
			Supporters supporters) {
		this.jdbc = jdbc;
		this.template = template;
		this.cipher = cipher;
		this.index = index;
		this.supporters = supporters;
	}

	/**
	 * A signature to store, as checked: {@code emailKey} from {@link #emailKey} and
	 * {@code domain} the address's domain, both {@code null} for paper without an
	 * address; {@code language} {@code en} or {@code es}. The row keeps the supporter as
	 * their pseudonym within the campaign, and their id only sealed.
	 */
	record NewSignature(long campaignId, @Nullable Long supporterId, @Nullable String emailKey, @Nullable String domain,
			SignatureForm form, String language, String source, @Nullable String enteredBy, @Nullable String clientHash,
			OffsetDateTime createdAt, @Nullable OffsetDateTime confirmedAt, @Nullable OffsetDateTime confirmMailedAt) {

		@Override
		public String toString() {
			return "NewSignature[campaign=" + this.campaignId + "]";
		}

	}

	/** What a confirmation did. */
	enum Confirmation {

		CONFIRMED, ALREADY, INVALID

	}

	/**
	 * The key of one person's signature of a campaign: the blind index of the address's
	 * identity within the campaign, unrelated to the same person's key in another.
	 */
	String emailKey(long campaignId, String email) {
		return this.index.ofIdentityWithin(holder(campaignId), email);
	}

	/** What holds a signer's data: the campaign. */
	static String holder(long campaignId) {
		return "campaign:" + campaignId;
	}

	/** The new row's id, or {@code null} when the person had signed already. */
	@Nullable Long insert(NewSignature signature) {
		KeyHolder key = new GeneratedKeyHolder();
		int inserted;
		try {
			inserted = this.jdbc.sql(INSERT).params(Arrays.asList(values(signature))).update(key, "id");
		}
		catch (DuplicateKeyException raced) {
			// H2 reports a concurrent insert of the same key instead of skipping it
			return null;
		}
		return (inserted == 1)
				? Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue() : null;
	}

	/**
	 * Inserts the signatures as one JDBC batch; for each, whether it was new (a repeat,
	 * or the same person twice in the list, inserts nothing).
	 */
	boolean[] insertAll(List<NewSignature> signatures) {
		int[][] inserted = this.template.batchUpdate(INSERT, signatures, signatures.size(), (statement, signature) -> {
			@Nullable Object[] values = values(signature);
			for (int v = 0; v < values.length; v++) {
				statement.setObject(v + 1, values[v]);
			}
		});
		boolean[] added = new boolean[signatures.size()];
		for (int i = 0; i < added.length; i++) {
			added[i] = inserted[0][i] != 0;
		}
		return added;
	}

	/** The ids of the campaign's signatures of these people, by their email key. */
	Map<String, Long> idsOf(long campaignId, List<String> emailKeys) {
		Map<String, Long> ids = new HashMap<>();
		for (int from = 0; from < emailKeys.size(); from += 500) {
			List<String> keys = emailKeys.subList(from, Math.min(emailKeys.size(), from + 500));
			this.jdbc.sql("select email_key, id from signatures where campaign_id = :campaign and email_key in (:keys)")
				.param("campaign", campaignId)
				.param("keys", keys)
				.query((RowCallbackHandler) (rs) -> ids.put(rs.getString(1), rs.getLong(2)));
		}
		return ids;
	}

	/**
	 * Signatures per client address since {@code since}; addresses without are absent.
	 */
	Map<String, Long> recentByAddress(List<String> addresses, OffsetDateTime since) {
		Map<String, Long> recent = new HashMap<>();
		if (addresses.isEmpty()) {
			return recent;
		}
		List<Object> params = new ArrayList<>(addresses);
		params.add(since);
		this.jdbc
			.sql("select client_hash, count(*) from signatures where client_hash in ("
					+ String.join(", ", Collections.nCopies(addresses.size(), "?")) + ") and created_at > ? "
					+ "group by client_hash")
			.params(params)
			.query((RowCallbackHandler) (rs) -> recent.put(rs.getString(1), rs.getLong(2)));
		return recent;
	}

	/**
	 * Claims a new confirmation mail for the person's unconfirmed signature when the last
	 * one went out before {@code mailedBefore}; the signature's id when claimed.
	 */
	Optional<Long> claimResend(long campaignId, String emailKey, OffsetDateTime now, OffsetDateTime mailedBefore) {
		Optional<Long> existing = this.jdbc
			.sql("select id from signatures where campaign_id = ? and email_key = ? and confirmed_at is null")
			.params(campaignId, emailKey)
			.query(Long.class)
			.optional();
		return existing.filter((id) -> this.jdbc.sql("""
				update signatures set confirm_mailed_at = ? where id = ? and confirmed_at is null
				and (confirm_mailed_at is null or confirm_mailed_at < ?)""")
			.params(now, id, mailedBefore)
			.update() == 1);
	}

	/**
	 * Confirms the signature, once: a second confirmation changes nothing. A signature of
	 * another campaign, or one since deleted or anonymised, is invalid.
	 */
	Confirmation confirm(long campaignId, long signatureId, OffsetDateTime now) {
		boolean valid = this.jdbc.sql("select campaign_id, anonymized_at from signatures where id = ?")
			.param(signatureId)
			.query((rs, n) -> rs.getLong("campaign_id") == campaignId && rs.getObject("anonymized_at") == null)
			.optional()
			.orElse(false);
		if (!valid) {
			return Confirmation.INVALID;
		}
		int confirmed = this.jdbc.sql("update signatures set confirmed_at = ? where id = ? and confirmed_at is null")
			.params(now, signatureId)
			.update();
		return (confirmed == 0) ? Confirmation.ALREADY : Confirmation.CONFIRMED;
	}

	/** The values of {@link #INSERT}, sealed where personal. */
	private @Nullable Object[] values(NewSignature s) {
		SignatureForm form = s.form();
		Long supporter = s.supporterId();
		String domain = s.domain();
		return new Object[] { s.campaignId(),
				(supporter != null) ? this.supporters.pseudonym(supporter, holder(s.campaignId())) : null,
				(supporter != null) ? this.cipher.seal(Long.toString(supporter), SUPPORTER) : null, s.emailKey(),
				(domain != null) ? this.index.ofDomainWithin(holder(s.campaignId()), domain) : null,
				seal(form.firstName(), "first_name"), seal(form.lastName(), "last_name"), seal(form.zip(), "zip"),
				seal(form.storedComment(), "comment"), s.language(), s.source(), s.enteredBy(), form.showsName(),
				form.wantsUpdates(), form.wantsNews(), s.clientHash(), s.createdAt(), s.confirmedAt(),
				s.confirmMailedAt(), form.referral() };
	}

	private byte @Nullable [] seal(@Nullable String value, String column) {
		return this.cipher.seal(value, "signatures." + column);
	}

	/** What a signer tells about themselves, for {@code Supporters}. */
	static SupporterDetails supporter(String email, SignatureForm form, String language) {
		return new SupporterDetails(email, form.firstName() + " " + form.lastName(), form.zip(), null,
				Locale.forLanguageTag(language));
	}

	/** The language a signature is stored in: {@code es} or {@code en}. */
	static String language(@Nullable Locale language) {
		return (language != null && "es".equals(language.getLanguage())) ? "es" : "en";
	}

}
